package dev.dtscontract.server.auth;

import dev.dtscontract.signing.Credentials;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An AccessKey of an account: permanent, or temporary (STS) with a security token and an expiry. The secret
 * is kept only as the HMAC key; {@link #toString()} never shows it.
 */
public final class AccessKey {

    private final String id;
    private final String secret;
    private final String accountId;
    private final byte[] signingKey;
    private final byte[] v3SigningKey;
    private final boolean enabled;
    private final String securityToken;
    private final Instant expires;

    public AccessKey(String id, String accountId, String secret, boolean enabled, String securityToken, Instant expires) {
        this.id = id;
        this.accountId = accountId;
        this.secret = secret;
        this.signingKey = (secret + "&").getBytes(StandardCharsets.UTF_8);
        this.v3SigningKey = secret.getBytes(StandardCharsets.UTF_8);
        this.enabled = enabled;
        this.securityToken = securityToken;
        this.expires = expires;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The STS token this key must be presented with, or null for a permanent key. */
    public String securityToken() {
        return securityToken;
    }

    /** When temporary credentials stop working; null for a permanent key. */
    public Instant expires() {
        return expires;
    }

    /** The key as the signing module signs with it: for the tools and tests that sign requests as this key. */
    public Credentials credentials() {
        return new Credentials(id, secret, securityToken);
    }

    /** AccessKeySecret + "&" in UTF-8: the HMAC-SHA1 key of RPC signature v1. */
    byte[] signingKey() {
        return signingKey.clone();
    }

    /** AccessKeySecret in UTF-8: the HMAC-SHA256 key of signature V3 (no derived key, unlike AWS SigV4). */
    byte[] v3SigningKey() {
        return v3SigningKey.clone();
    }

    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", account=" + accountId + ", secret=******]";
    }
}
