package dev.dtscontract.server.auth;

import dev.dtscontract.signing.AcsSignatureV3;
import dev.dtscontract.server.seed.SeedLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authentication package's small parts: callers, accounts, the throttle's clock, canonical V3 forms. */
class AuthValuesTest {

    @Test
    void caller_isEqualByAccountAndKey_andSaysWhenAuthenticationIsOff() {
        Caller a = Caller.of("1507800203001111", "LTAI5tDemoAccessKey0001");
        assertEquals(a, Caller.of("1507800203001111", "LTAI5tDemoAccessKey0001"));
        assertEquals(a.hashCode(), Caller.of("1507800203001111", "LTAI5tDemoAccessKey0001").hashCode());
        assertNotEquals(a, Caller.of("1507800203001111", "LTAI5tOtherAccessKey001"));
        assertNotEquals(a, Caller.of("1507800203002222", "LTAI5tDemoAccessKey0001"));
        assertNotEquals(a, Caller.authenticationOff());
        assertEquals("Caller[account=1507800203001111, key=LTAI5tDemoAccessKey0001]", a.toString());
        assertEquals("Caller[authentication off]", Caller.authenticationOff().toString());
    }

    @Test
    void authenticationOff_admitsEveryRequestAsTheOffCaller() {
        Authenticator off = Authenticator.authenticationOff();
        assertEquals(Caller.authenticationOff(), off.authenticate("GET", Map.of()));
        assertEquals(Caller.authenticationOff(), off.authenticateV3(null));
    }

    @Test
    void accounts_listEveryKeyAndAccount_andPutKeyKeepsTheAccountsOtherKeys() {
        Accounts accounts = SeedLoader.loadDefault().accounts();
        int keys = accounts.keys().size();
        int all = accounts.all().size();
        assertTrue(accounts.keys().stream().anyMatch(k -> k.id().equals("LTAI5tDemoAccessKey0001")));
        Accounts.Account updated = accounts.putKey(new AccessKey("LTAI5tAddedKey0000001", "1507800203001111", "added-secret", true, null, null));
        assertEquals(keys + 1, accounts.keys().size());
        assertEquals(all, accounts.all().size());
        assertTrue(updated.keys().stream().anyMatch(k -> k.id().equals("LTAI5tDemoAccessKey0001")), "the other keys kept");
        accounts.putKey(new AccessKey("LTAI5tAddedKey0000001", "1507800203001111", "replaced", false, null, null));
        assertEquals(keys + 1, accounts.keys().size(), "the same id replaces");
        assertFalse(accounts.key("LTAI5tAddedKey0000001").orElseThrow().enabled());
        accounts.putKey(new AccessKey("LTAI5tNewAccountKey01", "1507800209999999", "new-account", true, null, null));
        assertEquals(all + 1, accounts.all().size(), "a new account is created");
    }

    @Test
    void throttle_refillsByTheClockItIsGiven() {
        AtomicLong nanos = new AtomicLong(1_000);
        Throttle throttle = new Throttle(1, 2, nanos::get);
        assertTrue(throttle.tryAcquire("k"));
        assertTrue(throttle.tryAcquire("k"));
        assertFalse(throttle.tryAcquire("k"));
        assertTrue(throttle.tryAcquire("other"), "each key has its own bucket");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(throttle.tryAcquire("k"));
        assertFalse(throttle.tryAcquire("k"));
        assertEquals("dts.auth rate-per-second and burst must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> new Throttle(0, 1, System::nanoTime)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Throttle(1, 0, System::nanoTime));
    }

    @Test
    void canonicalForms_sortNamesValuesAndHeaders() {
        assertEquals("a=1&a=2&b=%2A%20x", AcsSignatureV3.canonicalQuery(Map.of("b", List.of("* x"), "a", List.of("2", "1"))));
        Map<String, String> headers = Map.of("x-acs-date", " 2026-11-28T00:00:00Z ", "host", "dts.aliyuncs.com");
        assertEquals("GET\n/\nq=1\nhost:dts.aliyuncs.com\nx-acs-date:2026-11-28T00:00:00Z\nx-acs-missing:\n\nhost;x-acs-date;x-acs-missing\nHASH",
                AcsSignatureV3.canonicalRequest("GET", "q=1", List.of("x-acs-missing", "x-acs-date", "host"), headers::get, "HASH"));
    }

    @Test
    void sha256Hex_isTheSameForTheSameBytes_everyTime() {
        byte[] body = "Endpoint=src".getBytes();
        String first = AcsSignatureV3.sha256Hex(body);
        AcsSignatureV3.sha256Hex("something else".getBytes());
        assertEquals(first, AcsSignatureV3.sha256Hex(body));
        assertEquals(64, first.length());
    }

    @Test
    void nonceHashes_ofDistinctNoncesAndKeys_doNotCollide() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            assertTrue(seen.add(NonceMemory.hash("LTAI5tDemoAccessKey0001", Integer.toString(i, 36) + "-nonce")), "collision at " + i);
        }
        assertNotEquals(NonceMemory.hash("ab", "c"), NonceMemory.hash("a", "bc"), "the separator keeps key and nonce apart");
        assertNotEquals(NonceMemory.hash("key", "n"), NonceMemory.hash("n", "key"));
    }

    @Test
    void nonceMemory_limitsAreChecked() {
        new NonceMemory(Duration.ofMinutes(30), 1, () -> 0L);
        new NonceMemory(Duration.ofMinutes(30), 1 << 28, () -> 0L);
        assertEquals("dts.auth.max-nonces-per-key must be from 1 to 268435456, not 0",
                assertThrows(IllegalArgumentException.class, () -> new NonceMemory(Duration.ofMinutes(30), 0, () -> 0L)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NonceMemory(Duration.ofMinutes(30), (1 << 28) + 1, () -> 0L));
        assertEquals(7, new NonceMemory(Duration.ofMinutes(30), 7, () -> 0L).maxPerKey());
    }
}
