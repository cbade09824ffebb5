package dev.dtscontract.contract;

import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.verifier.Exchange;
import dev.dtscontract.verifier.Provider;
import dev.dtscontract.signing.SignedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * R-THROTTLING as users configure it (dts.auth.rate-per-second, dts.auth.burst, i.e. DTS_AUTH_RATE_PER_SECOND and
 * DTS_AUTH_BURST), over HTTP, refilled by the emulator's clock (C-CLOCK): a burst of 2 then 1 request a second. Rate
 * and burst swapped in the wiring, or a throttle that reads the machine's clock, fails here.
 */
class ThrottlingOverHttpTest {

    @RegisterExtension
    static final Emulator emulator = new Emulator(Map.of("dts.auth.rate-per-second", "1", "dts.auth.burst", "2"));

    private static final Map<String, String> SAMPLE = SpecExamples.load().request("ModifyDtsJobEndpointDocumentedSample").parameters();

    /** The codes of {@code n} requests sent back to back with the demo key (well within a second). */
    private static List<String> send(int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Exchange e = new Provider(emulator.url(), Duration.ofSeconds(10)).send("throttled?", SignedRequest.builder().method("GET").query(SAMPLE).form(Map.of()).credentials(DemoCredentials.DEMO.signing()).at(emulator.examples().control().now()).nonce(UUID.randomUUID().toString()).rpc());
            codes.add(Emulator.outcome(e));
        }
        return codes;
    }

    @Test
    void burstThenRate_refilledByTheEmulatorsClock() {
        assertEquals(List.of("OK", "OK", "Throttling.User"), send(3), "a burst of 2");
        emulator.examples().control().advanceClock(Duration.ofSeconds(1));
        assertEquals(List.of("OK", "Throttling.User"), send(2), "1 token a second");
        emulator.examples().control().advanceClock(Duration.ofSeconds(60));
        assertEquals(List.of("OK", "OK", "Throttling.User"), send(3), "refilled up to the burst, not beyond");
    }
}
