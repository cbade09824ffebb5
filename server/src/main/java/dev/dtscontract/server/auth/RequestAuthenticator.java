package dev.dtscontract.server.auth;

import dev.dtscontract.signing.AcsSignatureV3;
import dev.dtscontract.signing.RpcSignature;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rule R-SIGNATURE and R-THROTTLING: who sent a request, checked as Alibaba Cloud checks it, for the RPC signature
 * (v1, HMAC-SHA1 over the parameters exactly as sent) and signature V3 (ACS3-HMAC-SHA256 over the canonical request),
 * each compared in constant time; then the same key, STS, throttling and nonce rules for both.
 */
public final class RequestAuthenticator implements Authenticator {

    /** How far a Timestamp may be from the server clock, either way. */
    public static final Duration WINDOW = Duration.ofMinutes(15);

    /**
     * How long a nonce must be remembered: a request signed up to {@link #WINDOW} ahead of the clock stays
     * acceptable until {@link #WINDOW} after its Timestamp.
     */
    public static final Duration NONCE_WINDOW = WINDOW.multipliedBy(2);

    private static final List<String> REQUIRED = List.of(
            "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Version");
    /** The headers a V3 request must sign, whatever else it signs. */
    private static final List<String> V3_SIGNED = List.of(
            "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256");

    private final Accounts accounts;
    private final NonceMemory nonces;
    private final NonceListener nonceListener;
    private final Throttle throttle;
    private final Clock clock;
    private final Set<String> secretParameters;

    /**
     * @param secretParameters names of parameters whose values are secrets (the spec's {@code format: password}):
     *                         masked wherever a message shows what was signed
     */
    public RequestAuthenticator(Accounts accounts, NonceMemory nonces, Throttle throttle, Clock clock, Set<String> secretParameters) {
        this(accounts, nonces, throttle, clock, secretParameters, NonceListener.IN_MEMORY);
    }

    /** @param nonceListener sees each nonce accepted, before the request goes on (the data directory keeps it) */
    public RequestAuthenticator(Accounts accounts, NonceMemory nonces, Throttle throttle, Clock clock, Set<String> secretParameters,
                                NonceListener nonceListener) {
        this.nonceListener = nonceListener;
        this.accounts = accounts;
        this.nonces = nonces;
        this.throttle = throttle;
        this.clock = clock;
        this.secretParameters = Set.copyOf(secretParameters);
    }

    @Override
    public Caller authenticate(String method, Map<String, String> sent) {
        for (String name : REQUIRED) {
            String value = sent.get(name);
            if (value == null || value.isEmpty()) {
                throw RuleViolation.missing("R-SIGNATURE", name);
            }
        }
        byte[] presented = signatureBytes(sent.get("Signature"));
        requireFreshTimestamp(sent.get("Timestamp"));
        AccessKey key = usableKey(sent.get("AccessKeyId"), sent.get("SecurityToken"));
        if (!MessageDigest.isEqual(presented, RpcSignature.compute(method, sent, key.signingKey()))) {
            Map<String, String> shown = new TreeMap<>(sent);
            secretParameters.forEach(name -> shown.computeIfPresent(name, (n, v) -> dev.dtscontract.server.domain.Secret.MASK));
            throw doesNotMatch(RpcSignature.stringToSign(method, shown)
                    + (secretParameters.stream().anyMatch(sent::containsKey) ? " (secret values shown as ******)" : ""));
        }
        return admit(key, sent.get("SignatureNonce"));
    }

    @Override
    public Caller authenticateV3(AcsRequest request) {
        AcsSignatureV3.Authorization authorization = AcsSignatureV3.Authorization.parse(request.authorization())
                .orElseThrow(() -> violation(ErrorCode.INCOMPLETE_SIGNATURE, "The request signature does not conform to Aliyun "
                        + "standards: Authorization must be ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,"
                        + "Signature=<64 hex digits>."));
        for (String name : V3_SIGNED) {
            if (!authorization.signedHeaders().contains(name)) {
                throw violation(ErrorCode.INCOMPLETE_SIGNATURE,
                        "The request signature does not conform to Aliyun standards: the header " + name + " must be signed.");
            }
            String value = request.header().apply(name);
            if (value == null || value.isBlank()) {
                throw RuleViolation.missing("R-SIGNATURE", name);
            }
        }
        requireFreshTimestamp(request.header().apply("x-acs-date").trim());
        String accessKeyId = request.header().apply("x-acs-accesskey-id");
        if (accessKeyId != null && !accessKeyId.trim().equals(authorization.accessKeyId())) {
            throw violation(ErrorCode.INCOMPLETE_SIGNATURE,
                    "The request signature does not conform to Aliyun standards: x-acs-accesskey-id differs from the Credential.");
        }
        AccessKey key = usableKey(authorization.accessKeyId(), request.header().apply("x-acs-security-token"));
        String payloadHash = request.header().apply("x-acs-content-sha256").trim();
        String received = AcsSignatureV3.sha256Hex(request.body() == null ? new byte[0] : request.body());
        if (!received.equals(payloadHash)) {
            throw violation(ErrorCode.SIGNATURE_DOES_NOT_MATCH, "Specified signature is not matched with our calculation: "
                    + "x-acs-content-sha256 is not the SHA-256 of the body received (" + received + ").");
        }
        String stringToSign = AcsSignatureV3.stringToSign(AcsSignatureV3.canonicalRequest(request.method(),
                AcsSignatureV3.canonicalQuery(request.query()), authorization.signedHeaders(), request.header(), payloadHash));
        if (!MessageDigest.isEqual(authorization.signature(), AcsSignatureV3.sign(key.v3SigningKey(), stringToSign))) {
            throw doesNotMatch(stringToSign);
        }
        return admit(key, request.header().apply("x-acs-signature-nonce").trim());
    }

    /** The key named, known, enabled, and for STS keys presented with its token before it expired. */
    private AccessKey usableKey(String accessKeyId, String securityToken) {
        AccessKey key = accounts.key(accessKeyId).orElseThrow(() -> violation(ErrorCode.ACCESS_KEY_NOT_FOUND));
        if (!key.enabled()) {
            throw violation(ErrorCode.ACCESS_KEY_INACTIVE);
        }
        if (key.securityToken() != null) {
            if (securityToken == null || !MessageDigest.isEqual(key.securityToken().getBytes(StandardCharsets.UTF_8),
                    securityToken.trim().getBytes(StandardCharsets.UTF_8))) {
                throw violation(ErrorCode.SECURITY_TOKEN_MISMATCH);
            }
            if (!clock.instant().isBefore(key.expires())) {
                throw violation(ErrorCode.SECURITY_TOKEN_EXPIRED);
            }
        }
        return key;
    }

    /** After a verified signature: the key's rate (R-THROTTLING), then the nonce, for both schemes alike. */
    private Caller admit(AccessKey key, String nonce) {
        if (!throttle.tryAcquire(key.id())) {
            throw new RuleViolation("R-THROTTLING", ErrorCode.THROTTLING_USER);
        }
        switch (nonces.firstUse(key.id(), nonce)) {
            case REPLAYED -> throw violation(ErrorCode.SIGNATURE_NONCE_USED);
            case FULL -> throw new RuleViolation("R-THROTTLING", ErrorCode.THROTTLING_USER,
                    "Request was denied due to user flow control: this AccessKey has used " + nonces.maxPerKey()
                            + " signature nonces within " + NONCE_WINDOW.toMinutes() + " minutes.");
            case FIRST_USE -> nonceListener.accepted(key.id(), nonce, clock.instant());
        }
        return Caller.signedBy(key);
    }

    /**
     * SignatureDoesNotMatch with the server's string to sign, as Alibaba's gateway answers it, so a team debugging
     * its own signer sees what the server computed. It never holds a secret: V3 signs a hash, and the RPC string's
     * secret parameters are masked.
     */
    private static RuleViolation doesNotMatch(String stringToSign) {
        return violation(ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "Specified signature is not matched with our calculation. server string to sign is [" + stringToSign + "]");
    }

    /** A Signature is the Base64 of a 20-byte HMAC-SHA1; anything else is not an Alibaba Cloud signature. */
    private static byte[] signatureBytes(String signature) {
        try {
            byte[] bytes = Base64.getDecoder().decode(signature);
            if (bytes.length == 20) {
                return bytes;
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through
        }
        throw violation(ErrorCode.INCOMPLETE_SIGNATURE);
    }

    private void requireFreshTimestamp(String timestamp) {
        Instant signedAt = parseTimestamp(timestamp);
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(WINDOW) > 0) {
            throw violation(ErrorCode.TIMESTAMP_EXPIRED);
        }
    }

    /**
     * The one format the spec allows, yyyy-MM-ddTHH:mm:ssZ in UTC, read field by field: the general ISO parser
     * was a noticeable share of every request.
     */
    static Instant parseTimestamp(String timestamp) {
        if (timestamp.length() == 20 && timestamp.charAt(4) == '-' && timestamp.charAt(7) == '-' && timestamp.charAt(10) == 'T'
                && timestamp.charAt(13) == ':' && timestamp.charAt(16) == ':' && timestamp.charAt(19) == 'Z') {
            try {
                return LocalDateTime.of(digits(timestamp, 0, 4), digits(timestamp, 5, 2), digits(timestamp, 8, 2),
                        digits(timestamp, 11, 2), digits(timestamp, 14, 2), digits(timestamp, 17, 2)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException | NumberFormatException outOfRange) {
                // falls through
            }
        }
        throw violation(ErrorCode.TIMESTAMP_FORMAT);
    }

    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static RuleViolation violation(ErrorCode code, String message) {
        return new RuleViolation("R-SIGNATURE", code, message);
    }

    /** R-SIGNATURE with the spec's message for the code. */
    private static RuleViolation violation(ErrorCode code) {
        return new RuleViolation("R-SIGNATURE", code);
    }
}
