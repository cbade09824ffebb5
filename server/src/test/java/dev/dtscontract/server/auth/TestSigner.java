package dev.dtscontract.server.auth;

import dev.dtscontract.server.tools.SignRequest;
import dev.dtscontract.signing.RpcSignature;
import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.server.seed.SeedLoader;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** The server tests' view of {@link SignRequest}, the one signer: seeded keys and the demo key by default. */
public final class TestSigner {

    /** The demo account's AccessKey of the default seed. */
    public static final AccessKey DEMO = key(dev.dtscontract.server.seed.Seed.DEMO_ACCESS_KEY_ID);

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

    /** These parameters (not encoded), signed with the demo key, as an encoded query or form body. */
    public static String sign(String method, Map<String, String> parameters) {
        return SignRequest.sign(method, parameters, DEMO, Instant.now());
    }

    public static Map<String, String> decode(String query) {
        return new TreeMap<>(UrlEncoded.decode(query).single());
    }

    public static String encode(Map<String, String> parameters) {
        return UrlEncoded.encode(parameters);
    }
}
