package dev.dtscontract.client.internal;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.CredentialsProvider;
import dev.dtscontract.client.SignatureAlgorithm;
import dev.dtscontract.signing.SignedRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signs each request of the client: with signature V3 (ACS3-HMAC-SHA256, the default, as Alibaba Cloud's current
 * SDKs) or with the RPC signature (v2 in Alibaba's SDKs, HMAC-SHA1 over the query), through the signing module. The
 * query is written in the signer's own encoding, so what is sent is exactly what was signed.
 */
public final class RequestSigner {

    private final CredentialsProvider credentials;
    private final Clock clock;
    private final Supplier<String> nonces;
    private final SignatureAlgorithm algorithm;

    /** Signing with the machine's clock and a fresh random nonce per request. */
    public RequestSigner(CredentialsProvider credentials, SignatureAlgorithm algorithm) {
        this(credentials, Clock.systemUTC(), () -> UUID.randomUUID().toString().replace("-", ""), algorithm);
    }

    public RequestSigner(CredentialsProvider credentials, Clock clock, Supplier<String> nonces, SignatureAlgorithm algorithm) {
        this.credentials = credentials;
        this.clock = clock;
        this.nonces = nonces;
        this.algorithm = algorithm;
    }

    /**
     * A request of these parameters (by their wire names, in the query) to {@code endpoint}, signed, to be answered
     * within {@code timeout}: GET, or POST with an empty body (as Alibaba's SDKs send a change; the JDK's client
     * resends a GET by itself once when a connection closes before the answer, never a POST).
     */
    public HttpRequest request(String method, URI endpoint, Map<String, String> parameters, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (algorithm == SignatureAlgorithm.V2) {
            return request.uri(signedUri(method, endpoint, parameters)).build();
        }
        SignedV3 signed = signV3(method, endpoint, parameters);
        signed.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host")) { // the JDK's client sets Host itself (from the URI: what was signed)
                request.header(name, value);
            }
        });
        return request.uri(signed.uri()).build();
    }

    /** A request signed with V3: its URI (canonical query, no RPC common parameters) and the headers to send. */
    record SignedV3(URI uri, Map<String, String> headers) {
    }

    /** V3 over a request without a body (the client's GET and POST), signed by the signing module. */
    SignedV3 signV3(String method, URI uri, Map<String, String> parameters) {
        // The RPC signature's common parameters (the request models have them, from the spec) travel in V3's headers
        // or not at all (Action and Version: the signer moves them to x-acs-action and x-acs-version); Format is not part
        // of V3, and only XML is sent, which this project's emulator honours.
        Map<String, String> query = new TreeMap<>(parameters);
        SignedRequest.RPC_COMMON.forEach(query::remove);
        String format = query.remove("Format");
        if ("XML".equalsIgnoreCase(format)) {
            query.put("Format", "XML");
        }
        SignedRequest signed = SignedRequest.builder().method(method).query(query).credentials(signingCredentials())
                .at(clock.instant()).nonce(nonces.get()).host(host(uri)).v3();
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, value) -> headers.put(name.equals("authorization") ? "Authorization" : name, value));
        return new SignedV3(withQuery(uri, signed.queryString()), headers);
    }

    /** The URI with the common parameters and the Signature added (RPC signature), signed by the signing module. */
    URI signedUri(String method, URI uri, Map<String, String> parameters) {
        Map<String, String> all = new TreeMap<>(parameters);
        SignedRequest.RPC_COMMON.forEach(all::remove); // this signature's own, made fresh by the signer
        all.putIfAbsent("Format", "JSON");
        SignedRequest signed = SignedRequest.builder().method(method).query(all).credentials(signingCredentials())
                .at(clock.instant()).nonce(nonces.get()).rpc();
        return withQuery(uri, signed.queryString());
    }

    /** This request's credentials as the signing module takes them (asked for each request: they may rotate). */
    private dev.dtscontract.signing.Credentials signingCredentials() {
        return credentials.credentials().signing();
    }

    /** The Host header as the HTTP client sends it: the port only when it is not the scheme's default. */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(uri.getScheme()) && port == 80) || ("https".equals(uri.getScheme()) && port == 443);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static URI withQuery(URI uri, String query) {
        try {
            URI base = new URI(uri.getScheme(), uri.getRawAuthority(), uri.getRawPath(), null, null);
            return URI.create(base + (query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot sign a request to " + uri, e);
        }
    }
}
