package dev.dtscontract.server.auth;

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

    /** How far a Timestamp may be from the server clock, either way; also how long a nonce is remembered. */
    public static final Duration WINDOW = Duration.ofMinutes(15);

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

    /**
     * @param method the HTTP method, part of the string to sign
     * @param sent   every parameter as received (query and form merged), values not normalised
     */
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
        AccessKey key = accounts.key(sent.get("AccessKeyId")).orElseThrow(() -> violation("InvalidAccessKeyId.NotFound",
                "Specified access key is not found."));
        if (!key.enabled()) {
            throw violation("InvalidAccessKeyId.Inactive", "Specified access key is disabled.");
        }
        if (key.securityToken() != null) {
            if (!key.securityToken().equals(sent.get("SecurityToken"))) {
                throw violation("InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.");
            }
            if (!clock.instant().isBefore(key.expires())) {
                throw violation("InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
            }
        }
        if (!MessageDigest.isEqual(presented, RpcSignature.compute(method, sent, key.signingKey()))) {
            throw violation("SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
        }
        if (!throttle.tryAcquire(key.id())) {
            throw new RuleViolation("R-THROTTLING", "Throttling.User", "Request was denied due to user flow control.");
        }
        if (!nonces.firstUse(key.id(), sent.get("SignatureNonce"))) {
            throw violation("SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        return new Caller(key.accountId(), key.id());
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
        throw violation("IncompleteSignature", "The request signature does not conform to Aliyun standards.");
    }

    private void requireFreshTimestamp(String timestamp) {
        Instant signedAt = parseTimestamp(timestamp);
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(WINDOW) > 0) {
            throw violation("InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
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
        throw violation("InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
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

    private static RuleViolation violation(String code, String message) {
        return new RuleViolation("R-SIGNATURE", code, message);
    }
}
