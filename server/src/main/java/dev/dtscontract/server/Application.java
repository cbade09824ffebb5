package dev.dtscontract.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Starts the emulator and says where it listens. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        start(args, Map.of());
    }

    /** Starts the emulator with extra configuration properties (over application.yml and the environment). */
    static ApplicationContext start(String[] args, Map<String, Object> properties) {
        ApplicationContext context = Micronaut.build(args).mainClass(Application.class).properties(properties).start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        LoggerFactory.getLogger(Application.class).info("DTS ModifyDtsJobEndpoint emulator listening on {}", server.getURL());
        return context;
    }
}
