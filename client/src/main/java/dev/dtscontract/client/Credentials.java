package dev.dtscontract.client;

import java.util.Objects;

/**
 * An AccessKey pair, with the security token of temporary (STS) credentials. The secret and the token are
 * never printed: {@link #toString()} shows the AccessKey ID only.
 */
public final class Credentials {

    /** Environment variables Alibaba Cloud's own SDKs read. */
    public static final String ENV_ACCESS_KEY_ID = dev.dtscontract.signing.Credentials.ENV_ACCESS_KEY_ID;
    public static final String ENV_ACCESS_KEY_SECRET = dev.dtscontract.signing.Credentials.ENV_ACCESS_KEY_SECRET;
    public static final String ENV_SECURITY_TOKEN = dev.dtscontract.signing.Credentials.ENV_SECURITY_TOKEN;

    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;

    private Credentials(String accessKeyId, String accessKeySecret, String securityToken) {
        this.accessKeyId = requireText(accessKeyId, "accessKeyId");
        this.accessKeySecret = requireText(accessKeySecret, "accessKeySecret");
        this.securityToken = securityToken == null || securityToken.isBlank() ? null : securityToken;
    }

    /** A permanent AccessKey pair. */
    public static Credentials of(String accessKeyId, String accessKeySecret) {
        return new Credentials(accessKeyId, accessKeySecret, null);
    }

    /** Temporary STS credentials. */
    public static Credentials sts(String accessKeyId, String accessKeySecret, String securityToken) {
        return new Credentials(accessKeyId, accessKeySecret, requireText(securityToken, "securityToken"));
    }

    /**
     * From ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and (optional)
     * ALIBABA_CLOUD_SECURITY_TOKEN; fails naming the variable that is missing.
     */
    public static Credentials fromEnvironment() {
        return fromVariables(System::getenv);
    }

    static Credentials fromVariables(java.util.function.UnaryOperator<String> env) {
        String id = env.apply(ENV_ACCESS_KEY_ID);
        String secret = env.apply(ENV_ACCESS_KEY_SECRET);
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("No credentials: set " + ENV_ACCESS_KEY_ID + " and " + ENV_ACCESS_KEY_SECRET
                    + ", or pass credentials to the builder");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("No credentials: " + ENV_ACCESS_KEY_SECRET + " is not set");
        }
        return new Credentials(id, secret, env.apply(ENV_SECURITY_TOKEN));
    }

    /** The AccessKey ID, sent as AccessKeyId. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** The AccessKey secret; used to sign, never sent. */
    public String accessKeySecret() {
        return accessKeySecret;
    }

    /** The STS security token, or null for a permanent AccessKey. */
    public String securityToken() {
        return securityToken;
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", accessKeySecret=******"
                + (securityToken == null ? "" : ", securityToken=******") + "]";
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return Objects.requireNonNull(value);
    }

    /** These credentials as the signing module takes them (SignedRequest). */
    public dev.dtscontract.signing.Credentials signing() {
        return new dev.dtscontract.signing.Credentials(accessKeyId(), accessKeySecret(), securityToken());
    }
}
