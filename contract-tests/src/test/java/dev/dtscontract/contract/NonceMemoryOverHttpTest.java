package dev.dtscontract.contract;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.tools.SignRequest;
import dev.dtscontract.server.seed.SeedLoader;
import dev.dtscontract.spec.SpecExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replay protection as the emulator is started for users, configured as users configure it: a key whose nonce
 * memory is full is throttled instead of having a live nonce forgotten, replays are still caught, and another
 * key is unaffected.
 */
class NonceMemoryOverHttpTest {

    @RegisterExtension
    static final Emulator emulator = new Emulator(Map.of("dts.auth.max-nonces-per-key", "3"));

    private static final Map<String, String> SAMPLE = SpecExamples.load().request("ModifyDtsJobEndpointDocumentedSample").parameters();

    private static AccessKey key(String id) {
        return SeedLoader.loadDefault().accounts().key(id).orElseThrow();
    }

    private static RawHttp.Response get(RawHttp http, String query) {
        return http.send("GET", "/?" + query, Map.of(), null);
    }

    @Test
    void fullMemory_throttlesTheKey_keepsCatchingReplays_andLeavesOtherKeysAlone() {
        AccessKey demo = key(dev.dtscontract.server.seed.Seed.DEMO_ACCESS_KEY_ID);
        try (RawHttp http = new RawHttp(emulator.url())) {
            String first = SignRequest.sign("GET", SAMPLE, demo, Instant.now());
            assertEquals(200, get(http, first).status());
            assertEquals(200, get(http, SignRequest.sign("GET", SAMPLE, demo, Instant.now())).status());
            assertEquals(200, get(http, SignRequest.sign("GET", SAMPLE, demo, Instant.now())).status());

            RawHttp.Response fourth = get(http, SignRequest.sign("GET", SAMPLE, demo, Instant.now()));
            assertEquals(400, fourth.status(), fourth.body());
            assertTrue(fourth.body().contains("\"Code\":\"Throttling.User\""), fourth.body());
            assertTrue(fourth.body().contains("this AccessKey has used 3 signature nonces within 30 minutes"), fourth.body());

            RawHttp.Response replay = get(http, first);
            assertTrue(replay.body().contains("\"Code\":\"SignatureNonceUsed\""), "a live nonce is not forgotten: " + replay.body());

            RawHttp.Response other = get(http, SignRequest.sign("GET", SAMPLE, key("LTAI5tOtherAccessKey001"), Instant.now()));
            assertTrue(other.body().contains("\"Code\":\"NoPermission.Operator\""), "authenticated, then refused by the domain: " + other.body());
        }
    }
}
