package dev.dtscontract.server.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a request. Only this package makes one: {@link RequestAuthenticator} for a request whose signature
 * it verified, and {@link Authenticator#authenticationOff()} when the emulator was explicitly started unsigned.
 * There is no anonymous or default caller, so a request cannot reach the domain without one of the two.
 */
public final class Caller {

    private final String accountId;
    private final String accessKeyId;

    private Caller(String accountId, String accessKeyId) {
        this.accountId = accountId;
        this.accessKeyId = accessKeyId;
    }

    /** The holder of a verified AccessKey. */
    static Caller signedBy(AccessKey key) {
        return of(key.accountId(), key.id());
    }

    static Caller of(String accountId, String accessKeyId) {
        return new Caller(Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(accessKeyId, "accessKeyId"));
    }

    /** Anyone, acting as the owner of every job: only with dts.auth.enabled=false. */
    static Caller authenticationOff() {
        return new Caller(null, null);
    }

    /** Whether the caller acts as the owner of a job owned by {@code ownerAccountId}. */
    public boolean isOwner(String ownerAccountId) {
        return accountId == null || accountId.equals(ownerAccountId);
    }

    /** The caller's account; empty only when authentication is off. */
    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    /** The AccessKey that signed the request; empty only when authentication is off. */
    public Optional<String> accessKeyId() {
        return Optional.ofNullable(accessKeyId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Caller that && Objects.equals(accountId, that.accountId) && Objects.equals(accessKeyId, that.accessKeyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, accessKeyId);
    }

    @Override
    public String toString() {
        return accountId == null ? "Caller[authentication off]" : "Caller[account=" + accountId + ", key=" + accessKeyId + "]";
    }
}
