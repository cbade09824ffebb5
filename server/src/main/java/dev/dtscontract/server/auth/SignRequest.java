package dev.dtscontract.server.auth;

import dev.dtscontract.server.rpc.UrlEncoded;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Signs requests for the emulator, for curl, load tools and tests. With the RPC signature (default) it prints signed
 * URLs; with {@code --signature v3} one line per request: the path and query, then each header to send, separated by
 * tabs. Signs with any AccessKey given on the command line, or one found in a seed file (the default seed unless
 * {@code --seed} names one; the demo key unless {@code --access-key-id} names another); each request has its own
 * nonce and the current time, so it stays valid for 15 minutes. {@code --help} lists the options.
 */
public final class SignRequest {

    /** The demo AccessKey of the default seed. */
    public static final String DEMO_KEY_ID = "LTAI5tDemoAccessKey0001";

    private static final String USAGE = """
            usage: java -cp dts-emulator.jar dev.dtscontract.server.auth.SignRequest [options] 'Action=ModifyDtsJobEndpoint&...'
              --count N            N requests, each with its own nonce (default 1)
              --method GET|POST    the method signed (default GET)
              --base URL           printed before each query with the RPC signature (default http://127.0.0.1:8080/)
              --signature v2|v3    the RPC signature (v2, default) or signature V3 (ACS3-HMAC-SHA256)
              --host HOST:PORT     the Host header V3 signs (default 127.0.0.1:8080)
              --access-key-id ID   the AccessKey to sign with (default $DTS_ACCESS_KEY_ID, else %s)
              --access-key-secret S  its secret (default $DTS_ACCESS_KEY_SECRET); without one, the key is looked up
                                   in the seed, with its STS token if it is temporary
              --seed FILE          the seed file to look the key up in (default the seed in the jar)
            """.formatted(DEMO_KEY_ID);

    private SignRequest() {
    }

    public static void main(String[] args) {
        int count = 1;
        String method = "GET";
        String base = "http://127.0.0.1:8080/";
        String signature = "v2";
        String host = "127.0.0.1:8080";
        String query = null;
        String keyId = System.getenv().getOrDefault("DTS_ACCESS_KEY_ID", DEMO_KEY_ID);
        String secret = System.getenv("DTS_ACCESS_KEY_SECRET");
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
        UrlEncoded.Decoded decoded = UrlEncoded.decode(query);
        // Streamed: the benchmark asks for millions of lines, more than one String can hold.
        java.io.PrintWriter out = new java.io.PrintWriter(new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16));
        for (int i = 0; i < count; i++) {
            if (signature.equals("v3")) {
                SignedV3 signed = signV3(method, decoded.single(), key, Instant.now(), host, nonce());
                out.append("/?").append(signed.query());
                signed.headers().forEach((name, value) -> out.append('\t').append(name).append(": ").append(value));
                out.append('\n');
            } else {
                out.append(base).append('?').append(sign(method, query, key, Instant.now())).append('\n');
            }
        }
        out.flush();
    }

    /** The key given (id and secret: its account is not needed to sign), or the one of that id in the seed. */
    static AccessKey key(String keyId, String secret, String seedFile) {
        if (secret != null && !secret.isEmpty()) {
            return new AccessKey(keyId, "unknown", secret, true, null, null);
        }
        Seed seed = seedFile == null ? SeedLoader.loadDefault() : SeedLoader.loadFile(seedFile);
        return seed.accounts().key(keyId).orElseThrow(() -> new IllegalArgumentException("no AccessKey " + keyId + " in "
                + seed.source() + "; give --access-key-secret, or --seed with the file that has it"));
    }

    /** A V3 request: the query to send (RFC 3986-encoded, sorted) and the headers to send with it, Authorization last. */
    public record SignedV3(String query, Map<String, String> headers) {
    }

    /**
     * These parameters (not encoded; Action and Version go to the x-acs-* headers) signed with V3 for a request
     * without a body, as Alibaba's SDKs send them.
     */
    public static SignedV3 signV3(String method, Map<String, String> request, AccessKey key, Instant now, String host, String nonce) {
        return signV3(method, request, key, now, host, nonce, new byte[0], null);
    }

    /** The same with a body (e.g. a form) and its Content-Type, which is then signed too. */
    public static SignedV3 signV3(String method, Map<String, String> request, AccessKey key, Instant now, String host, String nonce,
                                  byte[] body, String contentType) {
        Map<String, String> query = new TreeMap<>(request);
        String action = query.remove("Action");
        String version = query.remove("Version");
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", host);
        headers.put("x-acs-action", action == null ? "ModifyDtsJobEndpoint" : action);
        headers.put("x-acs-version", version == null ? "2020-01-01" : version);
        headers.put("x-acs-date", now.truncatedTo(ChronoUnit.SECONDS).toString());
        headers.put("x-acs-signature-nonce", nonce);
        headers.put("x-acs-content-sha256", AcsSignatureV3.sha256Hex(body));
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        if (key.securityToken() != null) {
            headers.put("x-acs-accesskey-id", key.id());
            headers.put("x-acs-security-token", key.securityToken());
        }
        Map<String, List<String>> queryValues = new TreeMap<>();
        query.forEach((name, value) -> queryValues.put(name, List.of(value)));
        String stringToSign = AcsSignatureV3.stringToSign(AcsSignatureV3.canonicalRequest(method,
                AcsSignatureV3.canonicalQuery(queryValues), List.copyOf(headers.keySet()), headers::get, headers.get("x-acs-content-sha256")));
        String signature = HexFormat.of().formatHex(AcsSignatureV3.sign(key.v3SigningKey(), stringToSign));
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.put("Authorization", AcsSignatureV3.ALGORITHM + " Credential=" + key.id() + ",SignedHeaders="
                + String.join(";", headers.keySet()) + ",Signature=" + signature);
        return new SignedV3(UrlEncoded.encode(query), sent);
    }

    /** A fresh V3 nonce: 32 lower-case hex digits, as Alibaba's SDKs send. */
    public static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
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
