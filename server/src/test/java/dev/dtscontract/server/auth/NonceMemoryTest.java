package dev.dtscontract.server.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonceMemoryTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private final AtomicLong nanos = new AtomicLong(123_456_789L);
    private final NonceMemory memory = new NonceMemory(WINDOW, 1_000_000, nanos::get);

    @Test
    void secondUseWithinTheWindow_isARepeat() {
        assertTrue(memory.firstUse("key", "n-1"));
        nanos.addAndGet(WINDOW.minusSeconds(1).toNanos());
        assertFalse(memory.firstUse("key", "n-1"));
    }

    @Test
    void useAfterTheWindow_isFirstAgain() {
        assertTrue(memory.firstUse("key", "n-1"));
        nanos.addAndGet(WINDOW.plusSeconds(1).toNanos());
        assertTrue(memory.firstUse("key", "n-1"));
    }

    @Test
    void nonceSeenLateInASecond_isRememberedUntilTheWindowHasPassed() {
        nanos.addAndGet(999_999_999L);
        assertTrue(memory.firstUse("key", "n-1"));
        nanos.addAndGet(WINDOW.toNanos() - 1);
        assertFalse(memory.firstUse("key", "n-1"), "one nanosecond before the window ends");
        nanos.addAndGet(Duration.ofMillis(1001).toNanos());
        assertTrue(memory.firstUse("key", "n-1"), "a second after it ended");
    }

    @Test
    void nonceSeenJustBeforeAGenerationEnds_isRememberedAfterIt() {
        nanos.addAndGet(WINDOW.minusSeconds(1).toNanos());
        assertTrue(memory.firstUse("key", "late"));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos()); // a new generation starts here
        assertTrue(memory.firstUse("key", "other"));
        assertFalse(memory.firstUse("key", "late"));
    }

    @Test
    void sameNonceForAnotherKey_isFirstUse() {
        assertTrue(memory.firstUse("key-a", "n-1"));
        assertTrue(memory.firstUse("key-b", "n-1"));
    }

    @Test
    void keyAndNonceBoundary_isPartOfTheHash() {
        assertNotEquals(NonceMemory.hash("ab", "c"), NonceMemory.hash("a", "bc"));
    }

    @Test
    void manyNonces_areAllRememberedAcrossGrowth() {
        for (int i = 0; i < 100_000; i++) {
            assertTrue(memory.firstUse("key", "n-" + i));
        }
        for (int i = 0; i < 100_000; i++) {
            assertFalse(memory.firstUse("key", "n-" + i), "n-" + i);
        }
    }

    @Test
    void pastTheMaximumSize_theOldestAreForgotten() {
        NonceMemory small = new NonceMemory(WINDOW, 10, nanos::get);
        for (int i = 0; i < 15; i++) {
            assertTrue(small.firstUse("key", "n-" + i));
        }
        assertTrue(small.firstUse("key", "n-0"), "the first generation was dropped to stay within 10");
        assertFalse(small.firstUse("key", "n-14"), "the newest are still remembered");
    }
}
