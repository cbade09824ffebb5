package dev.dtscontract.contract;

import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.verifier.Exchange;
import dev.dtscontract.verifier.Provider;
import dev.dtscontract.signing.SignedRequest;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.time.Duration;
import java.time.Instant;

/**
 * The real emulator, in-process on a random port with the default seed, and raw HTTP to it. Register it as
 * {@code @RegisterExtension static final Emulator emulator = new Emulator();}: one fresh emulator per test class.
 */
final class Emulator implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, Object> properties;
    private EmbeddedServer server;
    private SpecRequests examples;

    /** The emulator as users start it, on a random port. */
    Emulator() {
        this(Map.of());
    }

    /** The emulator with these configuration properties too (e.g. a small nonce memory). */
    Emulator(Map<String, Object> properties) {
        this.properties = properties;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, all);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (examples != null) {
            examples.close();
            examples = null;
        }
        server.getApplicationContext().close();
    }

    /** A bean of the running emulator, e.g. its JobStore, to check what a request changed. */
    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** Sends the spec's request examples as their x-send says (SpecRequests). */
    SpecRequests examples() {
        if (examples == null) {
            examples = new SpecRequests(this);
        }
        return examples;
    }

    URI url() {
        return URI.create(server.getURL().toString());
    }

    /**
     * GET with the query, or POST with the query and/or a form body, signed with the demo credentials (RPC signature) by
     * the verifier's signer over the client's (the server verifies with its own: the two implementations are held to
     * each other).
     */
    Exchange send(String name, String method, String query, String formBody) {
        SignedRequest request = SignedRequest.builder().method(method).query(single(query)).form(single(formBody)).credentials(DemoCredentials.DEMO.signing()).at(Instant.now()).nonce(UUID.randomUUID().toString()).rpc();
        return new Provider(url(), Duration.ofSeconds(10)).send(name, request);
    }

    /** What an answer says, in one word: OK for a 200, else its error Code (JSON answers). */
    static String outcome(Exchange e) {
        return e.status() == 200 ? "OK" : e.responseBody().replaceAll("(?s).*\"Code\":\"([^\"]+)\".*", "$1");
    }

    /** The same, unsigned, against any server, e.g. a WireMock double. */
    static Exchange send(URI base, String name, String method, String query, String formBody) {
        return new Provider(base, Duration.ofSeconds(10)).send(name, SignedRequest.builder().method(method).query(single(query)).form(single(formBody)).unsigned());
    }

    private static Map<String, String> single(String encoded) {
        Map<String, String> parameters = new TreeMap<>();
        decode(encoded).forEach((k, v) -> parameters.put(k, v.get(0)));
        return parameters;
    }

    /** Query or form text as names and values, by the emulator's own (and only) decoder. */
    static Map<String, List<String>> decode(String query) {
        return dev.dtscontract.signing.UrlEncoded.decode(query).values();
    }

}
