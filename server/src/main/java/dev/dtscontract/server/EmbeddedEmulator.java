package dev.dtscontract.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The emulator started in-process, for tests (the emulator-junit module's extension uses it): on 127.0.0.1 and a free
 * port unless the properties say otherwise, with the seed of {@code dts.seed.path} or the default one.
 */
public final class EmbeddedEmulator implements AutoCloseable {

    private final ApplicationContext context;
    private final URI url;

    private EmbeddedEmulator(ApplicationContext context) {
        this.context = context;
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        this.url = URI.create(server.getScheme() + "://" + server.getHost() + ":" + server.getPort());
    }

    /**
     * Starts an emulator with these configuration properties over the defaults (e.g. {@code dts.seed.path}). The server
     * binds a free port itself unless the properties name one: no port is probed first and bound later, so no other
     * process can take it in between; {@link #url()} says where it listens.
     */
    public static EmbeddedEmulator start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("micronaut.server.host", "127.0.0.1");
        all.put("micronaut.server.port", -1);
        all.putAll(properties);
        return new EmbeddedEmulator(Application.start(new String[0], all));
    }

    /** Where it listens, e.g. http://127.0.0.1:41234. */
    public URI url() {
        return url;
    }

    /** A bean of the running emulator. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
