package dev.dtscontract.emulator.junit;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.DtsClient;
import dev.dtscontract.emulator.control.api.ControlApi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The DTS emulator for a JUnit 5 test class. Register it on a static field:
 * <pre>{@code
 * @RegisterExtension
 * static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().build();
 * }</pre>
 * It starts the emulator in-process on 127.0.0.1 and a free port before the class (with {@link Builder#outOfProcess()},
 * as its own process from the standalone jar; with {@link Builder#url}, uses one already running), resets it to its seed before each test, and resolves test parameters of type
 * {@link DtsClient} (signed with the demo AccessKey unless told otherwise), {@link EmulatorControl}, {@link ControlApi}
 * and {@link URI} (the emulator's address).
 */
public final class DtsEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    /** The default seed's demo AccessKey, owner of every seeded job but one. */
    public static final String DEMO_ACCESS_KEY_ID = dev.dtscontract.server.seed.Seed.DEMO_ACCESS_KEY_ID;
    public static final String DEMO_ACCESS_KEY_SECRET = "DemoSecretForLocalUseOnly0001";
    /** The demo account (AliyunUid) that key belongs to. */
    public static final String DEMO_ACCOUNT = "1507800203001111";

    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(DtsEmulatorExtension.class);

    private final Settings settings;
    private final boolean resetBeforeEach;
    private final boolean shared;

    private Running running;
    private boolean ownsRunning;

    private DtsEmulatorExtension(Builder b) {
        this.settings = new Settings(b.url, b.outOfProcess ? b.emulatorJar() : null, Map.copyOf(b.properties), b.accessKeyId,
                b.accessKeySecret, b.controlToken);
        this.resetBeforeEach = b.resetBeforeEach;
        this.shared = b.shared;
    }

    public static Builder newInstance() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startFor(context);
        if (resetBeforeEach) {
            control().reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shared) {
            running = null; // JUnit closes it when the whole run ends
        } else {
            stop();
        }
    }

    private synchronized void startFor(ExtensionContext context) {
        if (running != null) {
            return;
        }
        if (shared) {
            // One emulator per set of settings for the whole run: the first class starts it, JUnit closes it at the end.
            running = context.getRoot().getStore(SHARED).getOrComputeIfAbsent(settings, Running::start, Running.class);
        } else {
            start();
        }
    }

    /** Starts the emulator (or connects to the running one); called by JUnit, or by hand outside JUnit. */
    public synchronized void start() {
        if (running == null) {
            running = Running.start(settings);
            ownsRunning = true;
        }
    }

    /** Stops what {@link #start()} started (a shared emulator is stopped by JUnit when the run ends). */
    public synchronized void stop() {
        if (running != null && ownsRunning) {
            running.close();
        }
        running = null;
        ownsRunning = false;
    }

    /** The settings an emulator is started (and, when shared, found) with. */
    private record Settings(URI url, Path jar, Map<String, Object> properties, String accessKeyId, String accessKeySecret,
                            String controlToken) {
        @Override
        public String toString() { // never the secret or the token
            return "Settings[" + (url != null ? url : jar != null ? "process " + jar : "in-process") + ", " + properties.keySet()
                    + ", " + accessKeyId + "]";
        }
    }

    /** An emulator started in this JVM, as its own process, or one running elsewhere, with its clients. */
    private static final class Running implements AutoCloseable {
        private final AutoCloseable host; // what was started here: null for an emulator running elsewhere
        private final EmulatorProcess process;
        private final URI url;
        private final DtsClient client;
        private final EmulatorControl control;

        private Running(AutoCloseable host, EmulatorProcess process, URI url, Settings settings) {
            this.host = host;
            this.process = process;
            this.url = url;
            this.client = DtsClient.builder().endpoint(url)
                    .credentials(Credentials.of(settings.accessKeyId(), settings.accessKeySecret())).build();
            this.control = EmulatorControl.connect(url, settings.controlToken());
        }

        static Running start(Settings settings) {
            if (settings.url() != null) {
                return new Running(null, null, settings.url(), settings);
            }
            Map<String, Object> server = new LinkedHashMap<>(settings.properties());
            if (settings.controlToken() != null) {
                server.put(EmulatorProcess.CONTROL_TOKEN, settings.controlToken());
            }
            if (settings.jar() != null) {
                return startProcess(settings, server, 3);
            }
            InProcessEmulator emulator = InProcessEmulator.start(server); // binds a free port itself
            try {
                return new Running(emulator, null, emulator.url(), settings);
            } catch (RuntimeException e) {
                emulator.close();
                throw e;
            }
        }

        /** The emulator process on a free port; another port when another process took that one first. */
        private static Running startProcess(Settings settings, Map<String, Object> server, int attempts) {
            EmulatorProcess process = EmulatorProcess.launch(settings.jar(), server, logDirectory(), EmulatorProcess.freePort());
            Running running = null;
            try {
                running = new Running(process, process, process.url(), settings); // built while the process starts
                process.awaitListening();
                return running;
            } catch (RuntimeException e) {
                if (running != null) {
                    running.close(); // its clients and the process
                } else {
                    process.close();
                }
                if (e instanceof EmulatorProcess.PortTaken && attempts > 1) {
                    return startProcess(settings, server, attempts - 1);
                }
                throw e;
            }
        }

        /** Where an emulator process's log is kept: the build's target directory when there is one (Maven, Gradle's build). */
        static Path logDirectory() {
            Path here = Path.of(System.getProperty("user.dir"));
            for (String build : new String[] {"target", "build"}) {
                if (java.nio.file.Files.isDirectory(here.resolve(build))) {
                    return here.resolve(build).resolve("dts-emulator");
                }
            }
            return Path.of(System.getProperty("java.io.tmpdir")).resolve("dts-emulator");
        }

        @Override
        public void close() {
            client.close();
            if (host != null) {
                try {
                    host.close();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("cannot stop the emulator", e);
                }
            }
        }
    }

    /** Where the emulator listens. */
    public URI url() {
        return running().url;
    }

    /** A client for the emulator, signed with the configured AccessKey (the demo one by default). */
    public DtsClient client() {
        return running().client;
    }

    /** The test-control API. */
    public EmulatorControl control() {
        return running().control;
    }

    /** The log file of the emulator process ({@link Builder#outOfProcess()}), kept after it stops; empty for one in this JVM. */
    public java.util.Optional<Path> log() {
        EmulatorProcess process = running().process;
        return process == null ? java.util.Optional.empty() : java.util.Optional.of(process.log());
    }

    /** The emulator process's id ({@link Builder#outOfProcess()}); empty for one in this JVM or one running elsewhere. */
    public java.util.OptionalLong pid() {
        EmulatorProcess process = running().process;
        return process == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(process.pid());
    }

    private synchronized Running running() {
        return Objects.requireNonNull(running, "the emulator is not started");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DtsClient.class || type == EmulatorControl.class || type == ControlApi.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        startFor(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == DtsClient.class) {
            return client();
        }
        if (type == EmulatorControl.class) {
            return control();
        }
        if (type == ControlApi.class) {
            return control().api();
        }
        return url();
    }

    /** How to run the emulator for a test class. */
    public static final class Builder {

        private URI url;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private boolean resetBeforeEach = true;
        private String accessKeyId = DEMO_ACCESS_KEY_ID;
        private String accessKeySecret = DEMO_ACCESS_KEY_SECRET;
        private String controlToken;
        private boolean shared;
        private boolean outOfProcess;
        private Path jar;

        private Builder() {
        }

        /**
         * Run the emulator as its own process from the standalone jar instead of inside the test JVM: the test's class
         * path then needs nothing of the emulator's (Micronaut, Netty), and the process starts with class-data sharing.
         * The jar, in order: {@link #outOfProcess(Path)}'s, the system property {@code dts.emulator.jar}, or the local
         * Maven repository's {@code dev.dtscontract:server:<this version>:jar:all}
         * ({@code mvn dependency:get -Dartifact=dev.dtscontract:server:<version>:jar:all} fetches it). The same API
         * either way; {@link DtsEmulatorExtension#log()} names its log, kept after it stops.
         */
        public Builder outOfProcess() {
            this.outOfProcess = true;
            return this;
        }

        /** {@link #outOfProcess()} with this standalone jar (e.g. {@code server/target/dts-emulator.jar}). */
        public Builder outOfProcess(Path emulatorJar) {
            this.jar = Objects.requireNonNull(emulatorJar, "emulatorJar");
            return outOfProcess();
        }

        Path emulatorJar() {
            if (jar != null) {
                return jar;
            }
            String property = System.getProperty("dts.emulator.jar");
            if (property != null && !property.isBlank()) {
                return Path.of(property);
            }
            String version = version();
            String repository = System.getProperty("maven.repo.local");
            Path local = repository != null && !repository.isBlank() ? Path.of(repository)
                    : Path.of(System.getProperty("user.home"), ".m2", "repository");
            return local.resolve(Path.of("dev", "dtscontract", "server", version, "server-" + version + "-all.jar"));
        }

        /** This artifact's version: the standalone emulator's to look for. */
        static String version() {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = DtsEmulatorExtension.class.getResourceAsStream("emulator-junit.properties")) {
                p.load(Objects.requireNonNull(in, "emulator-junit.properties"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return p.getProperty("version");
        }

        /** Use an emulator already running there instead of starting one (e.g. http://127.0.0.1:8080). */
        public Builder url(String url) {
            this.url = URI.create(url);
            return this;
        }

        /** Start from this seed file instead of the default seed. */
        public Builder seed(Path seedFile) {
            return property("dts.seed.path", seedFile.toAbsolutePath().toString());
        }

        /**
         * Keep the emulator's state in this directory (DTS_DATA_DIR, rule C-DURABLE): a later start on it, in this run or
         * the next, finds the jobs, accounts, clock and used nonces as the last one left them, every acknowledged change
         * included. Not set by default: tests want a clean state. Combine with {@code resetBeforeEach(false)} to keep a
         * prepared world across test classes or runs (a reset returns every test to the directory's seed).
         */
        public Builder dataDirectory(Path directory) {
            return property("dts.data-dir", directory.toAbsolutePath().toString());
        }

        /** Any emulator setting, e.g. {@code dts.auth.rate-per-second}. */
        public Builder property(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        /** Reset to the seed before each test (default true). */
        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        /** The AccessKey the DtsClient signs with (default: the demo key). */
        public Builder credentials(String accessKeyId, String accessKeySecret) {
            this.accessKeyId = Objects.requireNonNull(accessKeyId);
            this.accessKeySecret = Objects.requireNonNull(accessKeySecret);
            return this;
        }

        /** The control token of a running emulator started with DTS_CONTROL_TOKEN (or set on the one started here). */
        public Builder controlToken(String token) {
            this.controlToken = token;
            return this;
        }

        /**
         * One emulator for every test class of the run that asks for a shared one with the same settings: the first
         * starts it, the others use it (each test still starts from the seed unless {@link #resetBeforeEach} is false),
         * and JUnit stops it when the run ends (JUnit 5.13 or later; before, the test JVM's exit does). A start is paid
         * once per test JVM instead of once per class.
         */
        public Builder shared() {
            this.shared = true;
            return this;
        }

        public DtsEmulatorExtension build() {
            return new DtsEmulatorExtension(this);
        }
    }
}
