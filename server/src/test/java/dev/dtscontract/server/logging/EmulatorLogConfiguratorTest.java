package dev.dtscontract.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmulatorLogConfiguratorTest {

    @Test
    void stepsAside_whenTheApplicationHasALogbackFileOfItsOwn() {
        // This module's tests have src/test/resources/logback-test.xml on the class path, as a consumer's tests may.
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new EmulatorLogConfigurator().configure(context));
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT"));
    }

    @Test
    void stepsAside_whenAConfigurationFileIsNamed() {
        System.setProperty("logback.configurationFile", "elsewhere.xml");
        try {
            LoggerContext context = new LoggerContext();
            assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, withoutLogbackFiles(() -> new EmulatorLogConfigurator().configure(context)));
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }

    @Test
    void masksEveryParameterNamedForASecret_andKeepsARecordOnOneLine() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, withoutLogbackFiles(() -> new EmulatorLogConfigurator().configure(context)));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDOUT");
        assertTrue(console.isStarted());

        String line = format(console, "\"GET /?Action=ModifyDtsJobEndpoint&Password=Top-Secret-Pass1&ShardPassword=Sh4rd"
                + "&SecurityToken=sts-3&AccessKeySecret=ak-s&Endpoint=src HTTP/1.1\" 200 password=lower\nINJECTED 2 3");

        assertTrue(line.endsWith(" INFO  access - \"GET /?Action=ModifyDtsJobEndpoint&Password=******&ShardPassword=******"
                + "&SecurityToken=******&AccessKeySecret=******&Endpoint=src HTTP/1.1\" 200 password=******\\nINJECTED 2 3"
                + System.lineSeparator()), line);
        assertFalse(line.contains("Top-Secret") || line.contains("Sh4rd") || line.contains("sts-3") || line.contains("ak-s"));
        assertEquals(1, line.lines().count());
    }

    private static String format(ConsoleAppender<ILoggingEvent> console, String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerName("access");
        event.setLevel(Level.INFO);
        event.setMessage(message);
        event.setTimeStamp(0);
        return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    /** Runs with a context class loader that has no logback file, as a JVM without its own logging configuration. */
    private static <T> T withoutLogbackFiles(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(new URLClassLoader(new URL[0], null));
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
