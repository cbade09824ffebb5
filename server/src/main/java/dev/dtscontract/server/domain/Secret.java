package dev.dtscontract.server.domain;

import java.util.Objects;

/** A stored credential: kept for the job, never printed, logged or returned. */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** Wraps a value; null stays null so that optional secrets read naturally. */
    public static Secret of(String value) {
        return value == null ? null : new Secret(value);
    }

    /** Whether the stored value equals the given one, for tests and precheck comparisons. */
    public boolean matches(String candidate) {
        return value.equals(candidate);
    }

    /**
     * The stored value itself, for the one place that must keep it: the durable store of the data directory (an
     * architecture test holds every other package away from it). Never for a view, a log or an answer.
     */
    public String disclose() {
        return value;
    }

    /** How every secret is shown: in views, the journal, messages and snapshots exported without secrets. */
    public static final String MASK = "******";

    @Override
    public String toString() {
        return MASK;
    }
}
