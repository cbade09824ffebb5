package dev.dtscontract.signing;

import java.util.Objects;

/**
 * The AccessKey a request is signed with: its id, its secret, and the STS security token of a temporary key (null for a
 * permanent one). {@link #toString()} never shows the secret or the token.
 */
public record Credentials(String accessKeyId, String accessKeySecret, String securityToken) {

    /** The environment variables Alibaba's SDKs and tools read an AccessKey from. */
    public static final String ENV_ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String ENV_ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String ENV_SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

    public Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    }

    /** A permanent AccessKey. */
    public static Credentials of(String accessKeyId, String accessKeySecret) {
        return new Credentials(accessKeyId, accessKeySecret, null);
    }

    /** A temporary (STS) AccessKey with its security token. */
    public static Credentials sts(String accessKeyId, String accessKeySecret, String securityToken) {
        return new Credentials(accessKeyId, accessKeySecret, Objects.requireNonNull(securityToken, "securityToken"));
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", accessKeySecret=******" + (securityToken == null ? "" : ", securityToken=******") + "]";
    }
}
