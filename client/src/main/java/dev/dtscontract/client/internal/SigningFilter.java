package dev.dtscontract.client.internal;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.CredentialsProvider;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Adds the RPC common parameters to every request of the generated client and signs it (RPC signature v1).
 * The query is rewritten in the signer's own encoding, so what is sent is exactly what was signed.
 */
@ClientFilter(serviceId = "dts")
public final class SigningFilter {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final CredentialsProvider credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    @Inject
    public SigningFilter(CredentialsProvider credentials) {
        this(credentials, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    public SigningFilter(CredentialsProvider credentials, Clock clock, Supplier<String> nonces) {
        this.credentials = credentials;
        this.clock = clock;
        this.nonces = nonces;
    }

    @RequestFilter
    public void sign(MutableHttpRequest<?> request) {
        Map<String, String> parameters = new TreeMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) parameters.put(name, values.get(0));
        });
        request.uri(signedUri(request.getMethodName(), request.getUri(), parameters));
    }

    /** The URI with the common parameters and the Signature added, its query in canonical form. */
    URI signedUri(String method, URI uri, Map<String, String> parameters) {
        Credentials c = credentials.credentials();
        Map<String, String> all = new TreeMap<>(parameters);
        all.remove("Signature");
        all.putIfAbsent("Format", "JSON");
        all.putIfAbsent("Version", "2020-01-01");
        all.put("AccessKeyId", c.accessKeyId());
        all.put("SignatureMethod", "HMAC-SHA1");
        all.put("SignatureVersion", "1.0");
        all.put("SignatureNonce", nonces.get());
        all.put("Timestamp", TIMESTAMP.format(clock.instant()));
        if (c.securityToken() != null) {
            all.put("SecurityToken", c.securityToken());
        }
        String signature = RpcSigner.sign(method, all, c.accessKeySecret());
        String query = RpcSigner.canonicalQuery(all) + "&Signature=" + RpcSigner.percentEncode(signature);
        try {
            URI base = new URI(uri.getScheme(), uri.getRawAuthority(), uri.getRawPath(), null, null);
            return URI.create(base + "?" + query);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot sign a request to " + uri, e);
        }
    }
}
