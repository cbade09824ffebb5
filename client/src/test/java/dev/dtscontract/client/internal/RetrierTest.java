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
        return new DtsClientException(400, retryable ? "Throttling.User" : "InvalidParameter", "m", "r", retryable, null, null);
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
}
