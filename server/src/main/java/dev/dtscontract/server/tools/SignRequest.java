package dev.dtscontract.server.tools;

import dev.dtscontract.signing.Credentials;
import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.signing.SignedRequest;
import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;

import java.time.Instant;
import java.util.Map;

/**
 * Signs requests for the emulator, for curl, load tools and tests. With the RPC signature (default) it prints signed
 * URLs; with {@code --signature v3} one line per request: the path and query, then each header to send, separated by
 * tabs. Signs with any AccessKey given on the command line, or one found in a seed file (the default seed unless
 * {@code --seed} names one; the demo key unless {@code --access-key-id} names another); each request has its own
 * nonce and the current time, so it stays valid for 15 minutes. {@code --help} lists the options.
 */
public final class SignRequest {

    private static final String USAGE = """
            usage: java -cp dts-emulator.jar dev.dtscontract.server.tools.SignRequest [options] 'Action=ModifyDtsJobEndpoint&...'
              --count N            N requests, each with its own nonce (default 1)
              --method GET|POST    the method signed (default GET)
              --base URL           printed before each query with the RPC signature (default http://127.0.0.1:8080/)
              --signature v2|v3    the RPC signature (v2, default) or signature V3 (ACS3-HMAC-SHA256)
              --host HOST:PORT     the Host header V3 signs (default 127.0.0.1:8080)
              --access-key-id ID   the AccessKey to sign with (default $ALIBABA_CLOUD_ACCESS_KEY_ID, else %s)
              --access-key-secret S  its secret (default $ALIBABA_CLOUD_ACCESS_KEY_SECRET); without one, the key is looked up
                                   in the seed, with its STS token if it is temporary
              --seed FILE          the seed file to look the key up in (default the seed in the jar)
            """.formatted(Seed.DEMO_ACCESS_KEY_ID);

    private SignRequest() {
    }

    public static void main(String[] args) {
        int count = 1;
        String method = "GET";
        String base = "http://127.0.0.1:8080/";
        String signature = "v2";
        String host = "127.0.0.1:8080";
        String query = null;
        // The variables Alibaba's SDKs, this project's client and its verifier read.
        String keyId = System.getenv().getOrDefault(Credentials.ENV_ACCESS_KEY_ID, Seed.DEMO_ACCESS_KEY_ID);
        String secret = System.getenv(Credentials.ENV_ACCESS_KEY_SECRET);
        String seedFile = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    case "--count" -> count = Integer.parseInt(args[++i]);
                    case "--method" -> method = args[++i];
                    case "--base" -> base = args[++i];
                    case "--signature" -> signature = args[++i];
                    case "--host" -> host = args[++i];
                    case "--access-key-id" -> keyId = args[++i];
                    case "--access-key-secret" -> secret = args[++i];
                    case "--seed" -> seedFile = args[++i];
                    default -> {
                        if (args[i].startsWith("--")) throw new IllegalArgumentException("unknown option " + args[i]);
                        query = args[i];
                    }
                }
            }
            if (query == null || !(signature.equals("v2") || signature.equals("v3"))) {
                throw new IllegalArgumentException(query == null ? "no parameters given" : "--signature is v2 or v3");
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            System.err.println("SignRequest: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value" : e.getMessage()));
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        AccessKey key;
        try {
            key = key(keyId, secret, seedFile);
        } catch (IllegalArgumentException e) { // no such key, or a seed that cannot be read: one line, no trace
            System.err.println("SignRequest: " + e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, String> parameters;
        try {
            parameters = parameters(query);
        } catch (IllegalArgumentException e) {
            System.err.println("SignRequest: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Streamed: the benchmark asks for millions of lines, more than one String can hold.
        java.io.PrintWriter out = new java.io.PrintWriter(new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16));
        for (int i = 0; i < count; i++) {
            SignedRequest.Builder request = SignedRequest.builder().method(method).query(parameters).credentials(key.credentials())
                    .at(Instant.now());
            if (signature.equals("v3")) {
                SignedRequest signed = request.host(host).v3();
                out.append("/?").append(signed.queryString());
                signed.headers().forEach((name, value) -> out.append('\t').append(name).append(": ").append(value));
                out.append('\n');
            } else {
                out.append(base).append('?').append(request.rpc().queryString()).append('\n');
            }
        }
        out.flush();
    }

    /** The key given (id and secret: its account is not needed to sign), or the one of that id in the seed. */
    public static AccessKey key(String keyId, String secret, String seedFile) {
        if (secret != null && !secret.isEmpty()) {
            return new AccessKey(keyId, "unknown", secret, true, null, null);
        }
        Seed seed = seedFile == null ? SeedLoader.loadDefault() : SeedLoader.loadFile(seedFile);
        return seed.accounts().key(keyId).orElseThrow(() -> new IllegalArgumentException("no AccessKey " + keyId + " in "
                + seed.source() + "; give --access-key-secret, or --seed with the file that has it"));
    }

    /** The query with the common parameters of {@code key} and its Signature added (RPC signature), RFC 3986-encoded. */
    public static String sign(String method, String query, AccessKey key, Instant now) {
        return sign(method, parameters(query), key, now);
    }

    /** The parameters (not encoded) with the common parameters of {@code key} and its Signature added, as a query. */
    public static String sign(String method, Map<String, String> parameters, AccessKey key, Instant now) {
        return SignedRequest.builder().method(method).query(parameters).credentials(key.credentials()).at(now).rpc().queryString();
    }

    /** The parameters of a query as given (decoded; the last of a name given twice), refusing text that is not percent-encoded. */
    static Map<String, String> parameters(String query) {
        UrlEncoded.Decoded decoded = UrlEncoded.decode(query);
        if (!decoded.malformed().isEmpty()) {
            throw new IllegalArgumentException("not correctly percent-encoded: " + decoded.malformed());
        }
        return decoded.single();
    }
}
