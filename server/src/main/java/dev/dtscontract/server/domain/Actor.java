package dev.dtscontract.server.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a command comes from, as authentication established it: the holder of a verified AccessKey, or — only when the
 * emulator was started with authentication explicitly off — anyone, acting as the owner of the job. There is no third
 * kind and no default: a command cannot be built without one, and the rules decide on each kind by name
 * ({@link Permissions}), so an unknown caller is never taken for an owner.
 */
public sealed interface Actor permits Actor.Account, Actor.AuthenticationOff {

    /** The account, empty only when authentication is off. */
    Optional<String> accountId();

    /** The AccessKey that signed the request, empty only when authentication is off. */
    Optional<String> accessKeyId();

    /** The holder of an AccessKey whose signature was verified. */
    record Account(String id, String accessKey) implements Actor {

        public Account {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(accessKey, "accessKey");
        }

        @Override
        public Optional<String> accountId() {
            return Optional.of(id);
        }

        @Override
        public Optional<String> accessKeyId() {
            return Optional.of(accessKey);
        }
    }

    /** Anyone, acting as the owner of every job: the emulator was started with dts.auth.enabled=false. */
    enum AuthenticationOff implements Actor {
        ANYONE;

        @Override
        public Optional<String> accountId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> accessKeyId() {
            return Optional.empty();
        }
    }
}
