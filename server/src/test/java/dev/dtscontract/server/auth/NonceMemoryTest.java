package dev.dtscontract.server.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static dev.dtscontract.server.auth.NonceMemory.Verdict.FIRST_USE;
import static dev.dtscontract.server.auth.NonceMemory.Verdict.FULL;
import static dev.dtscontract.server.auth.NonceMemory.Verdict.REPLAYED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NonceMemoryTest {

    private static final long MINUTE = 60_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * MINUTE);
    private final NonceMemory memory = new NonceMemory(RequestAuthenticator.NONCE_WINDOW, 1_000, now::get);

    @Test
    void nonce_isFirstUseOnceThenReplayed() {
        assertEquals(FIRST_USE, memory.firstUse("key", "n1"));
        assertEquals(REPLAYED, memory.firstUse("key", "n1"));
        assertEquals(FIRST_USE, memory.firstUse("key", "n2"));
    }

    @Test
    void sameNonce_ofAnotherKey_isNotAReplay() {
        assertEquals(FIRST_USE, memory.firstUse("key", "n1"));
        assertEquals(FIRST_USE, memory.firstUse("other", "n1"));
    }

    @Test
    void nonce_isRememberedForTheWholeThirtyMinutesARequestStaysAcceptable() {
        // Signed 15 minutes ahead of the clock, the request is acceptable until 30 minutes from now.
        assertEquals(Duration.ofMinutes(30), RequestAuthenticator.NONCE_WINDOW);
        memory.firstUse("key", "ahead");
        now.addAndGet(29 * MINUTE + 58_000_000_000L);
        assertEquals(REPLAYED, memory.firstUse("key", "ahead"), "29:58 later");
    }

    @Test
    void nonce_isForgottenOnlyAfterTheWindow() {
        memory.firstUse("key", "old");
        now.addAndGet(31 * MINUTE);
        assertEquals(FIRST_USE, memory.firstUse("key", "old"));
    }

    @Test
    void replay_acrossAGenerationChange_isStillCaught() {
        now.addAndGet(20 * MINUTE);
        memory.firstUse("key", "n");     // in the first generation
        now.addAndGet(15 * MINUTE);      // the first generation is 35 minutes old: a new one starts
        memory.firstUse("key", "other");
        assertEquals(REPLAYED, memory.firstUse("key", "n"), "15 minutes after first use");
    }

    @Test
    void fullMemory_refusesNewNoncesInsteadOfForgettingLiveOnes() {
        NonceMemory small = new NonceMemory(RequestAuthenticator.NONCE_WINDOW, 3, now::get);
        small.firstUse("key", "a");
        small.firstUse("key", "b");
        small.firstUse("key", "c");
        assertEquals(FULL, small.firstUse("key", "d"));
        assertEquals(REPLAYED, small.firstUse("key", "a"), "a live nonce is still known");
        now.addAndGet(30 * MINUTE + 1_000_000_000L); // a nonce is remembered to the end of the second it was seen in
        assertEquals(FIRST_USE, small.firstUse("key", "d"), "room again once the window has passed");
        assertEquals(FIRST_USE, small.firstUse("key", "a"), "expired");
    }

    @Test
    void oneKeysTraffic_cannotPushOutAnothersNonces() {
        NonceMemory small = new NonceMemory(RequestAuthenticator.NONCE_WINDOW, 3, now::get);
        small.firstUse("victim", "v");
        for (int i = 0; i < 10; i++) {
            small.firstUse("noisy", "n" + i);
        }
        assertEquals(REPLAYED, small.firstUse("victim", "v"));
        assertEquals(FULL, small.firstUse("noisy", "more"));
        assertEquals(FIRST_USE, small.firstUse("victim", "w"));
    }

    @Test
    void manyNonces_allRemembered() {
        NonceMemory big = new NonceMemory(RequestAuthenticator.NONCE_WINDOW, 100_000, now::get);
        for (int i = 0; i < 100_000; i++) {
            assertEquals(FIRST_USE, big.firstUse("key", "nonce-" + i));
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertEquals(REPLAYED, big.firstUse("key", "nonce-" + i));
        }
    }

    @Test
    void aRestoredNonce_isAReplayUntilItsWindowEnds_countedFromWhenItWasSeen() {
        memory.restore("key", "seen-10-min-ago", Duration.ofMinutes(10));
        memory.restore("key", "seen-just-now", Duration.ZERO);
        memory.restore("key", "seen-31-min-ago", Duration.ofMinutes(31));
        memory.restore("other", "seen-in-the-future", Duration.ofSeconds(-5));
        assertEquals(REPLAYED, memory.firstUse("key", "seen-10-min-ago"));
        assertEquals(REPLAYED, memory.firstUse("key", "seen-just-now"));
        assertEquals(FIRST_USE, memory.firstUse("key", "seen-31-min-ago"), "older than the window: live no more");
        assertEquals(REPLAYED, memory.firstUse("other", "seen-in-the-future"), "a negative age counts as now");
        assertEquals(FIRST_USE, memory.firstUse("key", "never-seen"));
        now.addAndGet(19 * MINUTE + 58_000_000_000L);
        assertEquals(REPLAYED, memory.firstUse("key", "seen-10-min-ago"), "29:58 after it was seen");
        now.addAndGet(3 * MINUTE);
        assertEquals(FIRST_USE, memory.firstUse("key", "seen-10-min-ago"), "32:58 after it was seen: the window has passed");
        assertEquals(REPLAYED, memory.firstUse("key", "seen-just-now"), "22:58 after it was seen");
        now.addAndGet(8 * MINUTE);
        assertEquals(FIRST_USE, memory.firstUse("key", "seen-just-now"), "30:58 after it was seen");
    }

    @Test
    void aNonceRestoredIntoAKeyInUse_staysRefusedAtLeastAsLongAsItMust() {
        memory.firstUse("key", "live");
        now.addAndGet(5 * MINUTE);
        memory.restore("key", "earlier", Duration.ofMinutes(10)); // seen before this key's generation began
        assertEquals(REPLAYED, memory.firstUse("key", "earlier"));
        now.addAndGet(21 * MINUTE); // 31 minutes after it was seen, 26 after the generation began
        assertEquals(REPLAYED, memory.firstUse("key", "earlier"), "counted from the generation's start: later, never sooner");
    }
}
