package dev.dtscontract.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently to retry a call that certainly was not applied: at most {@code maxAttempts}
 * attempts in all, waiting an exponentially growing delay (initialDelay, doubled per attempt, at most
 * maxDelay) of which a random half is jitter.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    /** 3 attempts, 200 ms then 400 ms (each with jitter), never more than 5 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** One attempt only. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** The bound on the wait before attempt {@code attempt + 1} (attempt counts from 1). */
    public Duration ceilingAfter(int attempt) {
        long millis = initialDelay.toMillis() << Math.min(attempt - 1, 30);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
