package dev.dtscontract.server.auth;

import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Rule R-SIGNATURE and R-THROTTLING: who sent a request, checked as Alibaba Cloud checks it. The signature is
 * verified over the parameters exactly as sent (before any normalisation), in constant time.
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

    private final Accounts accounts;
    private final NonceMemory nonces;
    private final Throttle throttle;
    private final Clock clock;

    public RequestAuthenticator(Accounts accounts, NonceMemory nonces, Throttle throttle, Clock clock) {
        this.accounts = accounts;
        this.nonces = nonces;
        this.throttle = throttle;
        this.clock = clock;
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
        AccessKey key = accounts.key(sent.get("AccessKeyId")).orElseThrow(() -> violation(ErrorCode.ACCESS_KEY_NOT_FOUND,
                "Specified access key is not found."));
        if (!key.enabled()) {
            throw violation(ErrorCode.ACCESS_KEY_INACTIVE, "Specified access key is disabled.");
        }
        if (key.securityToken() != null) {
            if (!key.securityToken().equals(sent.get("SecurityToken"))) {
                throw violation(ErrorCode.SECURITY_TOKEN_MISMATCH, "Specified SecurityToken mismatch with the AccessKey.");
            }
            if (!clock.instant().isBefore(key.expires())) {
                throw violation(ErrorCode.SECURITY_TOKEN_EXPIRED, "Specified SecurityToken is expired.");
            }
        }
        if (!MessageDigest.isEqual(presented, RpcSignature.compute(method, sent, key.signingKey()))) {
            throw violation(ErrorCode.SIGNATURE_DOES_NOT_MATCH, "Specified signature is not matched with our calculation.");
        }
        if (!throttle.tryAcquire(key.id())) {
            throw new RuleViolation("R-THROTTLING", ErrorCode.THROTTLING_USER, "Request was denied due to user flow control.");
        }
        switch (nonces.firstUse(key.id(), sent.get("SignatureNonce"))) {
            case REPLAYED -> throw violation(ErrorCode.SIGNATURE_NONCE_USED, "Specified signature nonce was used already.");
            case FULL -> throw new RuleViolation("R-THROTTLING", ErrorCode.THROTTLING_USER,
                    "Request was denied due to user flow control: this AccessKey has used " + nonces.maxPerKey()
                            + " signature nonces within " + NONCE_WINDOW.toMinutes() + " minutes.");
            case FIRST_USE -> {
                // accepted
            }
        }
        return Caller.signedBy(key);
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
        throw violation(ErrorCode.INCOMPLETE_SIGNATURE, "The request signature does not conform to Aliyun standards.");
    }

    private void requireFreshTimestamp(String timestamp) {
        Instant signedAt = parseTimestamp(timestamp);
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(WINDOW) > 0) {
            throw violation(ErrorCode.TIMESTAMP_EXPIRED, "Specified time stamp or date value is expired.");
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
        throw violation(ErrorCode.TIMESTAMP_FORMAT, "Specified time stamp or date value is not well formatted.");
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
}
