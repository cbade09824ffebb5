package dev.dtscontract.emulator.junit;

import dev.dtscontract.client.DtsClient;
import dev.dtscontract.emulator.control.api.ControlApi;
import dev.dtscontract.server.EmbeddedEmulator;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * It starts the emulator in-process on 127.0.0.1 and a free port before the class (or, with {@link Builder#url}, uses
 * one already running), resets it to its seed before each test, and resolves test parameters of type
 * {@link DtsClient} (signed with the demo AccessKey unless told otherwise), {@link EmulatorControl}, {@link ControlApi}
 * and {@link URI} (the emulator's address).
 */
public final class DtsEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    /** The default seed's demo AccessKey, owner of every seeded job but one. */
    public static final String DEMO_ACCESS_KEY_ID = "LTAI5tDemoAccessKey0001";
    public static final String DEMO_ACCESS_KEY_SECRET = "DemoSecretForLocalUseOnly0001";
    /** The demo account (AliyunUid) that key belongs to. */
    public static final String DEMO_ACCOUNT = "1507800203001111";

    static final String CONTROL_SERVICE = "dts-emulator-control";
    static final String TOKEN_PROPERTY = "dts.emulator.control-token";

    private final URI runningUrl;
    private final Map<String, Object> properties;
    private final boolean resetBeforeEach;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String controlToken;

    private EmbeddedEmulator emulator;
    private ApplicationContext clients;
    private URI url;
    private DtsClient client;
    private EmulatorControl control;

    private DtsEmulatorExtension(Builder b) {
        this.runningUrl = b.url;
        this.properties = Map.copyOf(b.properties);
        this.resetBeforeEach = b.resetBeforeEach;
        this.accessKeyId = b.accessKeyId;
        this.accessKeySecret = b.accessKeySecret;
        this.controlToken = b.controlToken;
    }

    public static Builder newInstance() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
        if (resetBeforeEach) {
            control.reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the emulator (or connects to the running one); called by JUnit, or by hand outside JUnit. */
    public synchronized void start() {
        if (control != null) {
            return;
        }
        Map<String, Object> config = new LinkedHashMap<>();
        if (runningUrl == null) {
            int port = freePort();
            url = URI.create("http://127.0.0.1:" + port);
            config.put("micronaut.server.port", port);
        } else {
            url = runningUrl;
        }
        config.put("micronaut.http.services." + CONTROL_SERVICE + ".url", url.toString());
        config.put(CONTROL_SERVICE + "-base-path", "/");
        config.put("micronaut.http.services.dts.url", url.toString());
        config.put("dts-base-path", "/");
        config.put("dts.client.access-key-id", accessKeyId);
        config.put("dts.client.access-key-secret", accessKeySecret);
        if ("http".equalsIgnoreCase(url.getScheme())) {
            // Without this each client builds a TLS context it never uses: about 400 JDK security classes, a few hundred
            // milliseconds of a test JVM's first request.
            config.put("micronaut.http.services.dts.ssl.enabled", false);
            config.put("micronaut.http.services." + CONTROL_SERVICE + ".ssl.enabled", false);
        }
        if (controlToken != null) {
            config.put(TOKEN_PROPERTY, controlToken);
            config.put("dts.control.token", controlToken);
        }
        if (runningUrl == null) {
            config.putAll(properties);
            emulator = EmbeddedEmulator.start(config);
            client = emulator.bean(DtsClient.class);
            control = new EmulatorControl(emulator.bean(ControlApi.class));
        } else {
            clients = ApplicationContext.builder().deduceEnvironment(false).properties(config).start();
            client = clients.getBean(DtsClient.class);
            control = new EmulatorControl(clients.getBean(ControlApi.class));
        }
    }

    /** Stops what {@link #start()} started. */
    public synchronized void stop() {
        if (emulator != null) {
            emulator.close();
        }
        if (clients != null) {
            clients.close();
        }
        emulator = null;
        clients = null;
        control = null;
        client = null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** Where the emulator listens. */
    public URI url() {
        return Objects.requireNonNull(url, "the emulator is not started");
    }

    /** A client for the emulator, signed with the configured AccessKey (the demo one by default). */
    public DtsClient client() {
        return Objects.requireNonNull(client, "the emulator is not started");
    }

    /** The test-control API. */
    public EmulatorControl control() {
        return Objects.requireNonNull(control, "the emulator is not started");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DtsClient.class || type == EmulatorControl.class || type == ControlApi.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        start();
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

        private Builder() {
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

        public DtsEmulatorExtension build() {
            return new DtsEmulatorExtension(this);
        }
    }
}
