package dev.dtscontract.contract;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.internal.RpcSigner;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The real emulator, in-process on a random port with the default seed, and raw HTTP to it. Register it as
 * {@code @RegisterExtension static final Emulator emulator = new Emulator();}: one fresh emulator per test class.
 */
final class Emulator implements BeforeAllCallback, AfterAllCallback {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, Object> properties;
    private EmbeddedServer server;

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
        server.getApplicationContext().close();
    }

    /** A bean of the running emulator, e.g. its JobStore, to check what a request changed. */
    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    URI url() {
        return URI.create(server.getURL().toString());
    }

    /**
     * GET with the query, or POST with the query and/or a form body, signed with the demo credentials by the
     * client's signer (the server verifies with its own: the two implementations are held to each other).
     */
    Exchange send(String name, String method, String query, String formBody) {
        boolean inForm = !formBody.isEmpty();
        Map<String, String> parameters = new TreeMap<>();
        decode(query).forEach((k, v) -> parameters.put(k, v.get(0)));
        decode(formBody).forEach((k, v) -> parameters.put(k, v.get(0)));
        Credentials c = DemoCredentials.DEMO;
        parameters.putIfAbsent("Timestamp", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        parameters.put("AccessKeyId", c.accessKeyId());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.putIfAbsent("Version", "2020-01-01");
        String signature = RpcSigner.sign(method, parameters, c.accessKeySecret());
        Map<String, String> added = new TreeMap<>(parameters);
        decode(query).keySet().forEach(added::remove);
        decode(formBody).keySet().forEach(added::remove);
        String extra = RpcSigner.canonicalQuery(added) + "&Signature=" + RpcSigner.percentEncode(signature);
        return inForm ? send(url(), name, method, query, formBody + "&" + extra)
                : send(url(), name, method, query.isEmpty() ? extra : query + "&" + extra, formBody);
    }

    /** The same against any server, e.g. a WireMock double. */
    static Exchange send(URI base, String name, String method, String query, String formBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/" + (query.isEmpty() ? "" : "?" + query)));
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(formBody));
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(name, method, "/", decode(query), method.equals("GET") ? null : "application/x-www-form-urlencoded",
                    formBody, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Query or form text as names and values, by the emulator's own (and only) decoder. */
    static Map<String, List<String>> decode(String query) {
        return dev.dtscontract.server.rpc.UrlEncoded.decode(query).values();
    }

}
