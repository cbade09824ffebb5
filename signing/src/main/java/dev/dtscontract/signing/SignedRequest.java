package dev.dtscontract.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A request signed as Alibaba Cloud's SDKs sign it: its method, the parameters of the query and of the form body, and the
 * headers to send (by lower-case name). Parameters may come in the query, in a form body, or split between them. The one
 * builder of signed requests: the client's signing filter, the verifier, the emulator's SignRequest tool, the bench and
 * the tests build them here, each value by name:
 * <pre>{@code
 * SignedRequest.builder().method("POST").form(parameters).credentials(key).at(now).nonce(nonce).host("127.0.0.1:8080").v3();
 * }</pre>
 */
public record SignedRequest(String method, Map<String, String> query, Map<String, String> form, Map<String, String> headers) {

    public static final String FORM = "application/x-www-form-urlencoded";
    /** The API version this project speaks, sent when a request names none. */
    public static final String VERSION = "2020-01-01";
    /** The operation named when a request names none. */
    public static final String DEFAULT_ACTION = "ModifyDtsJobEndpoint";
    /** The RPC signature's common parameters: a request that sets one of them itself is a request about that signature. */
    public static final List<String> RPC_COMMON = List.of("AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
            "SignatureNonce", "Timestamp", "SecurityToken");

    public SignedRequest {
        query = java.util.Collections.unmodifiableMap(new TreeMap<>(query));
        form = java.util.Collections.unmodifiableMap(new TreeMap<>(form));
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A request to build, every value by name; GET with no parameters until told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether these parameters set a common parameter of the RPC signature themselves. */
    public static boolean setsRpcCommonParameter(Map<String, String> parameters) {
        return RPC_COMMON.stream().anyMatch(parameters::containsKey);
    }

    /** A fresh nonce as Alibaba's current SDKs send it: 32 lower-case hex digits. */
    public static String newNonce() {
        return UUID.randomUUID().toString().replace("-", "");
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
        new TreeMap<>(parameters).forEach((name, value) -> out.add(Rfc3986.encode(name) + "=" + Rfc3986.encode(value)));
        return out.toString();
    }

    /** The values of a request to sign, set by name; {@link #rpc()}, {@link #v3()} or {@link #unsigned()} builds it. */
    public static final class Builder {

        private String method = "GET";
        private Map<String, String> query = Map.of();
        private Map<String, String> form = Map.of();
        private Credentials credentials;
        private Instant now;
        private String nonce;
        private String host;

        private Builder() {
        }

        /** GET or POST (any method is signed as given). */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** The parameters to send in the query, not encoded. */
        public Builder query(Map<String, String> query) {
            this.query = Map.copyOf(query);
            return this;
        }

        /** The parameters to send in a form body, not encoded (a POST). */
        public Builder form(Map<String, String> form) {
            this.form = Map.copyOf(form);
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The signing time (Timestamp, x-acs-date), cut to seconds. */
        public Builder at(Instant now) {
            this.now = Objects.requireNonNull(now, "now");
            return this;
        }

        /** SignatureNonce or x-acs-signature-nonce; a fresh one ({@link #newNonce()}) when not set. */
        public Builder nonce(String nonce) {
            this.nonce = Objects.requireNonNull(nonce, "nonce");
            return this;
        }

        /** The Host header the HTTP client will send: V3 signs it. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Not signed at all, e.g. for a double that does not check signatures. */
        public SignedRequest unsigned() {
            return new SignedRequest(method, query, form, rpcHeaders(method));
        }

        /**
         * The RPC signature (HMAC-SHA1; Alibaba's documents call it V2). A Timestamp or Version the parameters carry is
         * kept, so a request about a bad Timestamp is signed as sent; the other common parameters are this signature's
         * own. The parameters the request did not carry go where its own are: in the form if it has one, else in the query.
         */
        public SignedRequest rpc() {
            Credentials c = required(credentials, "credentials");
            Map<String, String> parameters = new TreeMap<>(query);
            parameters.putAll(form);
            parameters.putIfAbsent("Timestamp", required(now, "the signing time").truncatedTo(ChronoUnit.SECONDS).toString());
            parameters.putIfAbsent("Version", VERSION);
            parameters.put("AccessKeyId", c.accessKeyId());
            parameters.put("SignatureMethod", "HMAC-SHA1");
            parameters.put("SignatureVersion", "1.0");
            parameters.put("SignatureNonce", nonce == null ? newNonce() : nonce);
            if (c.securityToken() != null) {
                parameters.put("SecurityToken", c.securityToken());
            }
            parameters.remove("Signature");
            parameters.put("Signature", RpcSignature.sign(method, parameters, c.accessKeySecret()));
            Map<String, String> added = new TreeMap<>(parameters);
            query.keySet().forEach(added::remove);
            form.keySet().forEach(added::remove);
            if (form.isEmpty()) {
                return new SignedRequest(method, merged(query, added), Map.of(), rpcHeaders(method));
            }
            return new SignedRequest(method, query, merged(form, added), rpcHeaders(method));
        }

        /**
         * Signature V3 (ACS3-HMAC-SHA256), the default of Alibaba's current SDKs: Action and Version in x-acs-action and
         * x-acs-version, the date, nonce and payload hash in x-acs-* headers, STS in x-acs-accesskey-id and
         * x-acs-security-token, a form's Content-Type, every header sent signed.
         */
        public SignedRequest v3() {
            Credentials c = required(credentials, "credentials");
            Map<String, String> q = new TreeMap<>(query);
            Map<String, String> f = new TreeMap<>(form);
            String action = firstOf("Action", q, f, DEFAULT_ACTION);
            String version = firstOf("Version", q, f, VERSION);
            String body = encode(f);
            String payloadHash = AcsSignatureV3.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("host", required(host, "host"));
            headers.put("x-acs-action", action);
            headers.put("x-acs-version", version);
            headers.put("x-acs-date", required(now, "the signing time").truncatedTo(ChronoUnit.SECONDS).toString());
            headers.put("x-acs-signature-nonce", nonce == null ? newNonce() : nonce);
            headers.put("x-acs-content-sha256", payloadHash);
            if (!f.isEmpty()) {
                headers.put("content-type", FORM);
            }
            if (c.securityToken() != null) {
                headers.put("x-acs-accesskey-id", c.accessKeyId());
                headers.put("x-acs-security-token", c.securityToken());
            }
            Map<String, String> sent = new LinkedHashMap<>(headers);
            sent.put("authorization", AcsSignatureV3.authorization(method, q, headers, payloadHash, c.accessKeyId(), c.accessKeySecret()));
            return new SignedRequest(method, q, f, sent);
        }

        private static <T> T required(T value, String what) {
            if (value == null) {
                throw new IllegalStateException("a signed request needs " + what);
            }
            return value;
        }
    }

    /** Like aliyun-java-sdk-core, which sends every POST as a form, if an empty one. */
    private static Map<String, String> rpcHeaders(String method) {
        return method.equals("GET") ? Map.of() : Map.of("content-type", FORM);
    }

    private static String firstOf(String name, Map<String, String> query, Map<String, String> form, String otherwise) {
        String q = query.remove(name);
        String f = form.remove(name);
        return q != null ? q : f != null ? f : otherwise;
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> out = new TreeMap<>(a);
        out.putAll(b);
        return out;
    }
}
