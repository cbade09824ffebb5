package dev.dtscontract.server;

import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.LoggerFactory;

/** Starts the emulator and says where it listens. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        EmbeddedServer server = Micronaut.build(args).mainClass(Application.class).start()
                .getBean(EmbeddedServer.class);
        LoggerFactory.getLogger(Application.class)
                .info("DTS ModifyDtsJobEndpoint emulator listening on {}", server.getURL());
    }
}
