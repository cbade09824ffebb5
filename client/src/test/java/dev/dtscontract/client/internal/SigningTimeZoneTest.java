package dev.dtscontract.client.internal;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.SignatureAlgorithm;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alibaba Cloud reads Timestamp and x-acs-date as UTC: a signer that formats local time is 8 hours off in Shanghai and
 * refused as expired. The clocks here are in Asia/Shanghai (so are this module's tests in a second Surefire run), so
 * only a UTC formatter gives the exact strings asserted.
 */
class SigningTimeZoneTest {

    private static final Instant AT = Instant.parse("2026-11-28T23:59:58.900Z"); // 07:59:58 the next day in Shanghai
    private static final Clock SHANGHAI = Clock.fixed(AT, ZoneId.of("Asia/Shanghai"));
    private static final Credentials DEMO = Credentials.of("LTAI5tDemoAccessKey0001", "DemoSecretForLocalUseOnly0001");

    @Test
    void rpcTimestamp_isUtcToTheSecond_whateverTheClocksZone() {
        RequestSigner filter = new RequestSigner(() -> DEMO, SHANGHAI, () -> "nonce-1", SignatureAlgorithm.V2);
        URI signed = filter.signedUri("GET", URI.create("http://127.0.0.1:8080/"), Map.of("Action", "ModifyDtsJobEndpoint"));
        assertTrue(signed.getRawQuery().contains("&Timestamp=2026-11-28T23%3A59%3A58Z&"), signed.getRawQuery());
    }

    @Test
    void v3Date_isUtcToTheSecond_whateverTheClocksZone() {
        RequestSigner filter = new RequestSigner(() -> DEMO, SHANGHAI, () -> "nonce-1", SignatureAlgorithm.V3);
        RequestSigner.SignedV3 signed = filter.signV3("GET", URI.create("http://127.0.0.1:8080/"), Map.of("Action", "ModifyDtsJobEndpoint"));
        assertEquals("2026-11-28T23:59:58Z", signed.headers().get("x-acs-date"));
    }
}
