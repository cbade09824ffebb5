package dev.dtscontract.client.internal;

import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetrierTest {

    private final List<Duration> sleeps = new ArrayList<>();

    private static DtsClientException failure(boolean retryable) {
        return DtsClientException.builder(retryable ? "Throttling.User" : "InvalidParameter", "m").status(400).requestId("r")
                .retryable(retryable).build();
    }

    @Test
    void retryableFailures_areRetriedWithGrowingBoundedDelays() {
        Retrier retrier = new Retrier(new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300)), sleeps::add, bound -> bound);
        AtomicInteger calls = new AtomicInteger();
        DtsClientException last = assertThrows(DtsClientException.class, () -> retrier.call(() -> {
            calls.incrementAndGet();
            throw failure(true);
        }));
        assertEquals(5, calls.get());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300)), sleeps);
        assertEquals("Throttling.User", last.code());
    }

    @Test
    void jitter_keepsAtLeastHalfTheDelay() {
        Retrier retrier = new Retrier(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100)), sleeps::add, bound -> 0);
        assertThrows(DtsClientException.class, () -> retrier.call(() -> {
            throw failure(true);
        }));
        assertEquals(List.of(Duration.ofMillis(50)), sleeps);
    }

    @Test
    void nonRetryableFailure_isThrownAtOnce() {
        Retrier retrier = new Retrier(RetryPolicy.defaults(), sleeps::add, bound -> bound);
        DtsClientException failure = failure(false);
        AtomicInteger calls = new AtomicInteger();
        assertSame(failure, assertThrows(DtsClientException.class, () -> retrier.call(() -> {
            calls.incrementAndGet();
            throw failure;
        })));
        assertEquals(1, calls.get());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void successAfterRetries_isReturned() {
        Retrier retrier = new Retrier(RetryPolicy.defaults(), sleeps::add, bound -> bound);
        AtomicInteger calls = new AtomicInteger();
        assertEquals("ok", retrier.call(() -> {
            if (calls.incrementAndGet() < 3) throw failure(true);
            return "ok";
        }));
        assertEquals(2, sleeps.size());
    }

    @Test
    void defaultJitter_staysWithinZeroAndTheBound_andReachesBoth() {
        assertEquals(0, Retrier.randomUpTo(0));
        assertEquals(0, Retrier.randomUpTo(-5));
        java.util.Set<Long> seen = new java.util.TreeSet<>();
        for (int i = 0; i < 2_000; i++) {
            long d = Retrier.randomUpTo(3);
            assertEquals(true, d >= 0 && d <= 3, "out of range: " + d);
            seen.add(d);
        }
        assertEquals(java.util.Set.of(0L, 1L, 2L, 3L), seen, "the bound itself is included");
    }

    @Test
    void defaultSleeper_waitsTheDelay() {
        long start = System.nanoTime();
        assertThrows(DtsClientException.class, () -> new Retrier(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100)))
                .call(() -> { throw failure(true); }));
        assertEquals(true, (System.nanoTime() - start) / 1_000_000 >= 50, "at least half the 100 ms ceiling was waited");
    }

    @Test
    void interruptedWait_givesUpWithTheFailure_andKeepsTheInterrupt() {
        DtsClientException cause = failure(true);
        Retrier interrupted = new Retrier(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)),
                d -> { throw new InterruptedException(); }, b -> 0);
        try {
            assertSame(cause, assertThrows(DtsClientException.class, () -> interrupted.call(() -> { throw cause; })));
            assertEquals(true, Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
