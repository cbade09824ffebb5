package dev.dtscontract.emulator.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator as its own process: the standalone jar started with {@code java} (the README's options, a free port),
 * so the test JVM's class path never has to agree with the emulator's. Its output goes to a log file that is kept
 * (named in every failure); {@link #close()} stops it (SIGTERM, then a kill after 10 s).
 * <p>
 * Class-data sharing: the first start with a jar records its classes into an archive beside the log directory
 * ({@code -XX:ArchiveClassesAtExit}, written when the process stops); later starts with the same jar use it.
 */
final class EmulatorProcess implements AutoCloseable {

    /** The line the emulator prints once it listens (Application.start). */
    private static final Pattern LISTENING = Pattern.compile("listening on (https?://[^\\s]+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger STARTED = new AtomicInteger();
    /** The setting that holds the control token (rule C-GUARD). */
    static final String CONTROL_TOKEN = "dts.control.token";

    private final Process process;
    private final URI url;
    private final Path log;

    private EmulatorProcess(Process process, URI url, Path log) { // url: where it will listen
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts the jar with these settings (each a {@code -D} system property, which the emulator reads like its own
     * configuration) on this port of 127.0.0.1, and returns at once: {@link #awaitListening()} waits until it listens,
     * so that the test JVM can build its clients meanwhile.
     *
     * @throws IllegalStateException when there is no such jar or no java to run it
     */
    static EmulatorProcess launch(Path jar, Map<String, Object> properties, Path logDirectory, int port) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no emulator jar at " + jar.toAbsolutePath() + " (build it with `mvn -pl server package`, "
                    + "or get dev.dtscontract:server:<version>:jar:all)");
        }
        Path log;
        Path archive;
        try {
            Files.createDirectories(logDirectory);
            log = logDirectory.resolve("dts-emulator-" + ProcessHandle.current().pid() + "-" + STARTED.incrementAndGet() + ".log");
            archive = logDirectory.resolve("cds").resolve(archiveName(jar));
            Files.createDirectories(archive.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emulator's log in " + logDirectory, e);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
        command.add("-Xshare:auto");
        command.add("-Xlog:cds=off"); // recording the archive warns about classes it leaves out: noise in the log
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        // Every setting as a -D property but the control token, which goes in the environment: a process's command line
        // is readable by every user of the machine (ps), its environment by its owner only.
        properties.forEach((name, value) -> {
            if (!CONTROL_TOKEN.equals(name)) {
                command.add("-D" + name + "=" + value);
            }
        });
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DTS_PORT", Integer.toString(port));
        builder.environment().remove("DTS_CONTROL_TOKEN"); // the test JVM's own, if any, is not this emulator's
        if (properties.get(CONTROL_TOKEN) != null) {
            builder.environment().put("DTS_CONTROL_TOKEN", properties.get(CONTROL_TOKEN).toString());
        }
        try {
            return new EmulatorProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns once the emulator says it listens on its URL.
     *
     * @throws PortTaken when another process took the port first (the emulator says so and exits): launch again
     * @throws IllegalStateException when it does not start: the message has the emulator's own last lines and the log's path
     */
    void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            String written = read(log);
            Matcher listening = LISTENING.matcher(written);
            if (listening.find() && URI.create(listening.group(1)).equals(url)) {
                return;
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                String said = read(log);
                if (said.contains("cannot start: cannot listen")) {
                    throw new PortTaken(url.getPort());
                }
                throw new IllegalStateException("the emulator did not start" + (Instant.now().isAfter(deadline) ? " within "
                        + START_TIMEOUT.toSeconds() + " s" : "") + "; its log (" + log + ") ends:\n" + tail(said));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the emulator started", e);
            }
        }
    }

    /** The port was free when chosen and taken when the emulator bound it: another port, another launch. */
    static final class PortTaken extends IllegalStateException {
        PortTaken(int port) {
            super("port " + port + " was taken before the emulator could listen on it");
        }
    }

    /** A port of 127.0.0.1 free now (the emulator binds it a moment later; {@link PortTaken} if it lost the race). */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** One archive per jar as built (its name, size and time): a rebuilt jar gets a new one, never a stale one. */
    static String archiveName(Path jar) throws IOException {
        return jar.getFileName().toString().replaceAll("\\.jar$", "") + "-" + Files.size(jar) + "-"
                + Files.getLastModifiedTime(jar).toMillis() + ".jsa";
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of a log: what a failure shows. */
    static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    URI url() {
        return url;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (the emulator closes its server and data directory), a kill if it has not ended within 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
