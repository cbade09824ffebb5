package dev.dtscontract.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The emulator's logging, set up in code (found by logback through {@code META-INF/services}) instead of a
 * logback.xml: parsing an XML configuration took about 450 ms of a first start (0.6 s in all against 0.17 s here, on
 * a 2-core machine), which every test JVM that starts the emulator in-process paid. It steps aside for any
 * configuration of the application's own: a logback-test.xml or logback.xml on the class path, or the
 * {@code logback.configurationFile} system property.
 */
public final class EmulatorLogConfigurator extends ContextAwareBase implements Configurator {

    /**
     * Line breaks in a message are written as \n, \r: whatever a request makes an exception message say, it cannot
     * start a line of its own that passes for the emulator's. The value of any query or form parameter whose name ends
     * in password, secret or token (Password, ShardPassword, SecurityToken, ...) is written ******, so a request line
     * in a log (Micronaut's access logger writes whole URIs) never shows a secret.
     */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - "
            + "%replace(%replace(%replace(%msg)"
            + "{'(?i)((?:^|[?&;\\s])[a-z0-9_.%-]*(?:password|secret|token)=)[^&\\s\"]*','$1******'})"
            + "{'\\n','\\\\n'}){'\\r','\\\\r'}%n"
            + "%replace(%replace(%ex){'\\n','\\n  | '}){'\\r','\\\\r'}%nopex";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (applicationHasItsOwn()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean applicationHasItsOwn() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = EmulatorLogConfigurator.class.getClassLoader();
        }
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }
}
