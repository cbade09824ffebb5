package dev.dtscontract.server.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a job shows Modifying after ModifyDtsJobEndpoint applies a change (R-READ-STATUS), on the emulator's clock.
 */
public record ChangeSettling(Clock clock, Duration modifying) {

    public ChangeSettling {
        Objects.requireNonNull(clock, "clock");
        if (modifying == null || modifying.isNegative()) {
            throw new IllegalArgumentException("the time a job shows Modifying must be zero or more: " + modifying);
        }
    }

    /** Never Modifying: a change shows its job's status at once (for tests of other rules). */
    public static ChangeSettling immediate() {
        return new ChangeSettling(Clock.systemUTC(), Duration.ZERO);
    }

    /** When a change applied now has settled. */
    Instant settledAt() {
        return clock.instant().plus(modifying);
    }
}
