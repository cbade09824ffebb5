package dev.dtscontract.server.auth;

import dev.dtscontract.server.rpc.UrlEncoded;
import dev.dtscontract.server.seed.SeedLoader;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Prints signed request URLs for the emulator, for curl and load tools:
 * {@code java -cp dts-emulator.jar dev.dtscontract.server.auth.SignRequest [--count N] [--method POST] [--base URL] 'Action=...&...'}.
 * Signs with an AccessKey of the default seed ({@code DTS_ACCESS_KEY_ID}, default the demo key); each line has
 * its own nonce and the current time, so lines stay valid for 15 minutes.
 */
public final class SignRequest {

    /** The demo AccessKey of the default seed. */
    public static final String DEMO_KEY_ID = "LTAI5tDemoAccessKey0001";

    private SignRequest() {
    }

    public static void main(String[] args) {
        int count = 1;
        String method = "GET";
        String base = "http://127.0.0.1:8080/";
        String query = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--method" -> method = args[++i];
                case "--base" -> base = args[++i];
                default -> query = args[i];
            }
        }
        if (query == null) {
            System.err.println("usage: SignRequest [--count N] [--method GET|POST] [--base URL] 'Action=ModifyDtsJobEndpoint&...'");
            System.exit(2);
        }
        String keyId = System.getenv().getOrDefault("DTS_ACCESS_KEY_ID", DEMO_KEY_ID);
        AccessKey key = SeedLoader.loadDefault().accounts().key(keyId)
                .orElseThrow(() -> new IllegalArgumentException("no AccessKey " + keyId + " in the default seed"));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(base).append('?').append(sign(method, query, key, Instant.now())).append('\n');
        }
        System.out.print(out);
    }

    /** The query with the common parameters of {@code key} and its Signature added, RFC 3986-encoded. */
    public static String sign(String method, String query, AccessKey key, Instant now) {
        UrlEncoded.Decoded decoded = UrlEncoded.decode(query);
        if (!decoded.malformed().isEmpty()) {
            throw new IllegalArgumentException("not correctly percent-encoded: " + decoded.malformed());
        }
        return sign(method, decoded.single(), key, now);
    }

    /** The parameters (not encoded) with the common parameters of {@code key} and its Signature added, as a query. */
    public static String sign(String method, Map<String, String> request, AccessKey key, Instant now) {
        Map<String, String> parameters = new TreeMap<>(request);
        parameters.put("AccessKeyId", key.id());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("Timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        parameters.putIfAbsent("Version", "2020-01-01");
        if (key.securityToken() != null) {
            parameters.put("SecurityToken", key.securityToken());
        }
        parameters.put("Signature", Base64.getEncoder().encodeToString(RpcSignature.compute(method, parameters, key.signingKey())));
        return UrlEncoded.encode(parameters);
    }
}
