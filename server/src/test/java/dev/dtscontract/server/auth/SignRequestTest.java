package dev.dtscontract.server.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SignRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void signedQuery_isAcceptedByTheAuthenticator() {
        String query = SignRequest.sign("GET", "Action=ModifyDtsJobEndpoint&DtsJobId=m4312mab158%2A%2A%2A%2A", TestSigner.DEMO, NOW);
        RequestAuthenticator authenticator = new RequestAuthenticator(dev.dtscontract.server.seed.SeedLoader.loadDefault().accounts(),
                new NonceMemory(RequestAuthenticator.WINDOW, 100, () -> 0L), new Throttle(10, 10), Clock.fixed(NOW, ZoneOffset.UTC), java.util.Set.of());
        assertEquals("1507800203001111", authenticator.authenticate("GET", TestSigner.decode(query)).accountId().orElseThrow());
    }

    @Test
    void eachSignedQuery_hasItsOwnNonce() {
        assertNotEquals(SignRequest.sign("GET", "Action=X", TestSigner.DEMO, NOW), SignRequest.sign("GET", "Action=X", TestSigner.DEMO, NOW));
    }
}
