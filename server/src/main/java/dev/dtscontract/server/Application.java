package dev.dtscontract.server;

import dev.dtscontract.server.seed.SeedException;
import dev.dtscontract.server.storage.StorageException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.util.Map;

/**
 * Starts the emulator and says, in one line a script can read, where it listens (DTS_PORT=0 picks a free port). A
 * start that cannot succeed (a bad seed, a port in use, a bad setting) prints one line naming the cause and exits 2,
 * instead of a stack trace. SIGTERM stops it cleanly (a shutdown hook closes the server and the context).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        ServiceIndex.install(); // first: before Micronaut reads its optimizations
        try {
            ApplicationContext context = start(args, Map.of());
            // SIGTERM and Ctrl-C: stop the server and close the context, then the JVM exits.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (context.isRunning()) {
                    context.close();
                }
            }, "dts-emulator-shutdown"));
        } catch (RuntimeException e) {
            System.err.println("dts-emulator: cannot start: " + reason(e));
            System.exit(2);
        }
    }

    /**
     * Starts the emulator with extra configuration properties (over application.yml and the environment). Failures are
     * thrown, not handled: {@code Micronaut.start()} would log them with a stack trace and exit 1 itself.
     */
    static ApplicationContext start(String[] args, Map<String, Object> properties) {
        ApplicationContext context = new DefaultApplicationContextBuilder() {
            private ClassPathResourceLoader resources;

            @Override
            public ClassPathResourceLoader getResourceLoader() { // application.yml without a second walk of the jar
                if (resources == null) {
                    resources = new JarEntryResourceLoader(getClassLoader());
                }
                return resources;
            }
        }.mainClass(Application.class).args(args).properties(properties).build();
        try {
            context.start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            LoggerFactory.getLogger(Application.class).info("DTS emulator ({}) listening on {}://{}:{}",
                    String.join(", ", dev.dtscontract.spec.SpecContract.load().operations().keySet()), server.getScheme(), server.getHost(), server.getPort());
            return context;
        } catch (RuntimeException e) {
            if (context.isRunning()) {
                context.close();
            }
            throw e;
        }
    }

    /** The cause a person can act on: the seed's position and problem, the address in use, or the innermost message. */
    static String reason(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SeedException seed) {
                return "seed " + seed.getMessage();
            }
            if (t instanceof StorageException storage) {
                return "data directory: " + storage.getMessage();
            }
            if (t instanceof BindException bind) {
                return "cannot listen (" + bind.getMessage() + "); set DTS_PORT to a free port, or 0 for any";
            }
            innermost = t;
        }
        String message = innermost.getMessage();
        return message == null ? innermost.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
