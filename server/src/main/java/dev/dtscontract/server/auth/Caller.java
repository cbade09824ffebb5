package dev.dtscontract.server.auth;

import dev.dtscontract.server.domain.Actor;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a request, as this package established it. Only this package makes one: {@link RequestAuthenticator} for a
 * request whose signature it verified, and {@link Authenticator#authenticationOff()} when the emulator was explicitly
 * started unsigned. There is no anonymous or default caller, so a request cannot be admitted without one of the two.
 * The domain sees it as its {@link Actor}.
 */
public final class Caller {

    private final Actor actor;

    private Caller(Actor actor) {
        this.actor = Objects.requireNonNull(actor);
    }

    /** The holder of a verified AccessKey. */
    static Caller signedBy(AccessKey key) {
        return of(key.accountId(), key.id());
    }

    static Caller of(String accountId, String accessKeyId) {
        return new Caller(new Actor.Account(accountId, accessKeyId));
    }

    /** Anyone, acting as the owner of every job: only with dts.auth.enabled=false. */
    static Caller authenticationOff() {
        return new Caller(Actor.AuthenticationOff.ANYONE);
    }

    /** The caller as the domain knows it. */
    public Actor actor() {
        return actor;
    }

    /** The caller's account; empty only when authentication is off. */
    public Optional<String> accountId() {
        return actor.accountId();
    }

    /** The AccessKey that signed the request; empty only when authentication is off. */
    public Optional<String> accessKeyId() {
        return actor.accessKeyId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Caller that && actor.equals(that.actor);
    }

    @Override
    public int hashCode() {
        return actor.hashCode();
    }

    @Override
    public String toString() {
        return actor instanceof Actor.Account a ? "Caller[account=" + a.id() + ", key=" + a.accessKey() + "]" : "Caller[authentication off]";
    }
}
