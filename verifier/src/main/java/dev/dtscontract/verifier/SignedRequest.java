package dev.dtscontract.verifier;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.internal.AcsV3Signer;
import dev.dtscontract.client.internal.RpcSigner;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.StringJoiner;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to a provider, signed as Alibaba Cloud's SDKs sign it: the parameters of the query and of the form body, and
 * the headers to send (by lower-case name). Parameters may come in the query, in a form body, or split between them. Signed with the
 * client's signers, so a provider's verification is held to an implementation other than its own.
 */
public record SignedRequest(String method, Map<String, String> query, Map<String, String> form, Map<String, String> headers) {

    public static final String FORM = "application/x-www-form-urlencoded";
    /** The RPC signature's common parameters: a request that sets one of them itself is a request about that signature. */
    public static final List<String> RPC_COMMON = List.of("AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
            "SignatureNonce", "Timestamp", "SecurityToken");

    /** Not signed at all, e.g. for a double that does not check signatures. */
    public static SignedRequest unsigned(String method, Map<String, String> query, Map<String, String> form) {
        return new SignedRequest(method, query, form, rpcHeaders(method));
    }

    /**
     * The RPC signature (HMAC-SHA1; Alibaba's documents call it V2). A Timestamp or Version the parameters carry is kept,
     * so a request about a bad Timestamp is signed as sent; the other common parameters are this signature's own.
     */
    public static SignedRequest rpc(String method, Map<String, String> query, Map<String, String> form, Credentials c,
                                    Instant now, String nonce) {
        Map<String, String> parameters = new TreeMap<>(query);
        parameters.putAll(form);
        parameters.putIfAbsent("Timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        parameters.putIfAbsent("Version", "2020-01-01");
        parameters.put("AccessKeyId", c.accessKeyId());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", nonce);
        if (c.securityToken() != null) {
            parameters.put("SecurityToken", c.securityToken());
        }
        parameters.put("Signature", RpcSigner.sign(method, parameters, c.accessKeySecret()));
        // The parameters the request did not carry go where its own are: in the form if it has one, else in the query.
        Map<String, String> added = new TreeMap<>(parameters);
        query.keySet().forEach(added::remove);
        form.keySet().forEach(added::remove);
        if (form.isEmpty()) {
            return new SignedRequest(method, merged(query, added), Map.of(), rpcHeaders(method));
        }
        return new SignedRequest(method, new TreeMap<>(query), merged(form, added), rpcHeaders(method));
    }

    /**
     * Signature V3 (ACS3-HMAC-SHA256), the default of Alibaba's current SDKs: Action and Version in x-acs-action and
     * x-acs-version, the date, nonce and payload hash in x-acs-* headers, STS in x-acs-accesskey-id and
     * x-acs-security-token, every header sent signed.
     *
     * @param host the Host header the HTTP client will send (signed; HTTP clients set it themselves)
     */
    public static SignedRequest v3(String method, Map<String, String> query, Map<String, String> form, Credentials c,
                                   Instant now, String nonce, String host) {
        Map<String, String> q = new TreeMap<>(query);
        Map<String, String> f = new TreeMap<>(form);
        String action = firstOf("Action", q, f, "ModifyDtsJobEndpoint");
        String version = firstOf("Version", q, f, "2020-01-01");
        String body = encode(f);
        String payloadHash = AcsV3Signer.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        headers.put("x-acs-action", action);
        headers.put("x-acs-version", version);
        headers.put("x-acs-date", now.truncatedTo(ChronoUnit.SECONDS).toString());
        headers.put("x-acs-signature-nonce", nonce);
        headers.put("x-acs-content-sha256", payloadHash);
        if (!f.isEmpty()) {
            headers.put("content-type", FORM);
        }
        if (c.securityToken() != null) {
            headers.put("x-acs-accesskey-id", c.accessKeyId());
            headers.put("x-acs-security-token", c.securityToken());
        }
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.put("authorization", AcsV3Signer.authorization(method, q, headers, payloadHash, c.accessKeyId(), c.accessKeySecret()));
        return new SignedRequest(method, q, f, sent);
    }

    /** Like aliyun-java-sdk-core, which sends every POST as a form, if an empty one. */
    private static Map<String, String> rpcHeaders(String method) {
        return method.equals("GET") ? Map.of() : Map.of("content-type", FORM);
    }

    /** Whether these parameters set a common parameter of the RPC signature themselves. */
    public static boolean setsRpcCommonParameter(Map<String, String> parameters) {
        return RPC_COMMON.stream().anyMatch(parameters::containsKey);
    }

    private static String firstOf(String name, Map<String, String> query, Map<String, String> form, String otherwise) {
        String q = query.remove(name);
        String f = form.remove(name);
        return q != null ? q : f != null ? f : otherwise;
    }

    /** The query as sent: every parameter, sorted, RFC 3986-encoded (space %20, * %2A). */
    public String queryString() {
        return encode(query);
    }

    /** The form body as sent; empty when every parameter is in the query. */
    public String formBody() {
        return encode(form);
    }

    private static String encode(Map<String, String> parameters) {
        StringJoiner out = new StringJoiner("&");
        new TreeMap<>(parameters).forEach((name, value) -> out.add(RpcSigner.percentEncode(name) + "=" + RpcSigner.percentEncode(value)));
        return out.toString();
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> out = new TreeMap<>(a);
        out.putAll(b);
        return out;
    }
}
