package dev.dtscontract.server.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A custom seed without an AccessKey used to start silently, and then every signed request was refused
 * InvalidAccessKeyId.NotFound with nothing to say why: the start now says so, once, before the first request.
 */
class SeedWithoutKeysIT {

    @Test
    void aSeedWithoutAnyAccessKey_startsWithOneWarningSayingWhatWillHappen(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.yaml"), "instances: []\njobs: []\n");
        try (EmulatorProcess emulator = new EmulatorProcess(Map.of("DTS_SEED_PATH", seed.toString()))) {
            List<String> warnings = emulator.output().lines().filter(l -> l.contains("WARN")).toList();
            assertEquals(1, warnings.size(), emulator.output());
            assertTrue(warnings.get(0).endsWith("The seed has no AccessKey (no 'accounts' with 'accessKeys'): every signed request "
                    + "will be refused InvalidAccessKeyId.NotFound until one is added (the seed's 'accounts', or PUT "
                    + "/_emulator/accounts/{id})."), warnings.get(0));
        }
        try (EmulatorProcess seeded = new EmulatorProcess(Map.of())) {
            assertTrue(seeded.output().lines().noneMatch(l -> l.contains("has no AccessKey")), "the default seed has keys");
        }
    }
}
