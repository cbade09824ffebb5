package dev.dtscontract.client.internal;

import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.RetryPolicy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * Runs a call, and again after a backoff while it fails with a {@link DtsClientException#retryable()}
 * error and attempts remain. Anything else, or the last failure, goes to the caller unchanged.
 */
public final class Retrier {

    /** Sleeps; injectable so tests need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final LongUnaryOperator jitter;

    public Retrier(RetryPolicy policy) {
        this(policy, d -> Thread.sleep(d.toMillis()), Retrier::randomUpTo);
    }

    /** A random delay from 0 to {@code bound} milliseconds, both included; 0 when there is nothing to spread. */
    static long randomUpTo(long bound) {
        return bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1);
    }

    public Retrier(RetryPolicy policy, Sleeper sleeper, LongUnaryOperator jitter) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    public <T> T call(Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (DtsClientException e) {
                if (!e.retryable() || n >= policy.maxAttempts()) {
                    throw e;
                }
                pause(n, e);
            }
        }
    }

    /** Half the exponential ceiling is fixed, half is random: spreads clients that failed together. */
    private void pause(int attempt, DtsClientException cause) {
        long ceiling = policy.ceilingAfter(attempt).toMillis();
        long delay = ceiling / 2 + jitter.applyAsLong(ceiling - ceiling / 2);
        try {
            sleeper.sleep(Duration.ofMillis(delay));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
