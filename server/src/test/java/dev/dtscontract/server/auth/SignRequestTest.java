package dev.dtscontract.server.auth;

import dev.dtscontract.server.tools.SignRequest;

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
                new NonceMemory(RequestAuthenticator.WINDOW, 100, () -> 0L), new Throttle(10, 10, System::nanoTime), Clock.fixed(NOW, ZoneOffset.UTC), java.util.Set.of());
        assertEquals("1507800203001111", authenticator.authenticate("GET", TestSigner.decode(query)).accountId().orElseThrow());
    }

    @Test
    void keyGivenWithItsSecret_signsWhatTheSeedsKeyVerifies() {
        AccessKey given = SignRequest.key("LTAI5tDemoAccessKey0001", "DemoSecretForLocalUseOnly0001", null);
        String query = SignRequest.sign("GET", "Action=ModifyDtsJobEndpoint&DtsJobId=j1", given, NOW);
        RequestAuthenticator authenticator = new RequestAuthenticator(dev.dtscontract.server.seed.SeedLoader.loadDefault().accounts(),
                new NonceMemory(RequestAuthenticator.WINDOW, 100, () -> 0L), new Throttle(10, 10, System::nanoTime), Clock.fixed(NOW, ZoneOffset.UTC), java.util.Set.of());
        assertEquals("1507800203001111", authenticator.authenticate("GET", TestSigner.decode(query)).accountId().orElseThrow());
    }

    @Test
    void keyOfASeedFile_isFoundThere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path seed = dir.resolve("seed.yaml");
        java.nio.file.Files.writeString(seed, "accounts:\n  - {id: \"42\", accessKeys: [{id: LTAI5tMine0000000001, secret: mine-secret}]}\n");
        AccessKey key = SignRequest.key("LTAI5tMine0000000001", null, seed.toString());
        assertEquals("42", key.accountId());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SignRequest.key("LTAI5tNotThere00000", null, seed.toString()));
        assertEquals("no AccessKey LTAI5tNotThere00000 in " + seed + "; give --access-key-secret, or --seed with the file that has it",
                e.getMessage());
    }

    @Test
    void eachSignedQuery_hasItsOwnNonce() {
        assertNotEquals(SignRequest.sign("GET", "Action=X", TestSigner.DEMO, NOW), SignRequest.sign("GET", "Action=X", TestSigner.DEMO, NOW));
    }
}
