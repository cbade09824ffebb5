package dev.dtscontract.server.auth;

import dev.dtscontract.server.seed.SeedLoader;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Signs test requests with a seeded AccessKey, as an Alibaba Cloud SDK would. */
public final class TestSigner {

    /** The demo account's AccessKey of the default seed. */
    public static final AccessKey DEMO = key("LTAI5tDemoAccessKey0001");

    private TestSigner() {
    }

    public static AccessKey key(String id) {
        return SeedLoader.loadDefault().accounts().key(id).orElseThrow();
    }

    /** The Signature of these parameters (every one that will be sent, query and form). */
    public static String signature(String method, Map<String, String> parameters, AccessKey key) {
        return Base64.getEncoder().encodeToString(RpcSignature.compute(method, parameters, key.signingKey()));
    }

    /** An encoded query with the demo key's common parameters and a valid Signature added. */
    public static String signQuery(String method, String query) {
        return SignRequest.sign(method, query, DEMO, Instant.now());
    }

    public static Map<String, String> decode(String query) {
        Map<String, String> out = new TreeMap<>();
        if (query.isEmpty()) return out;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    public static String encode(Map<String, String> parameters) {
        StringJoiner out = new StringJoiner("&");
        parameters.forEach((name, value) -> out.add(RpcSignature.encode(name) + "=" + RpcSignature.encode(value)));
        return out.toString();
    }
}
