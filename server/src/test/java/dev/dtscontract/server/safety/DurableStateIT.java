package dev.dtscontract.server.safety;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.TestSigner;
import dev.dtscontract.server.tools.SignRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C-DURABLE, proved by killing the process (SIGKILL: no shutdown hook, no flush at exit), not by a library's word: what
 * the emulator acknowledged before the kill is there after a restart on the same DTS_DATA_DIR, and a request answered
 * before it cannot be replayed after it.
 */
class DurableStateIT {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String JOB = "m4312mab158%2A%2A%2A%2A";

    @TempDir
    Path data;

    private Map<String, String> env() {
        return Map.of("DTS_DATA_DIR", data.toString());
    }

    private static String job(EmulatorProcess emulator) throws Exception {
        EmulatorProcess.Answer job = emulator.get("/_emulator/jobs/" + JOB);
        assertEquals(200, job.status(), job.toString());
        return job.body();
    }

    @Test
    void kill9_losesNothingAcknowledged_andNoAnsweredRequestCanBeReplayedAfterIt() throws Exception {
        List<String> answered = new ArrayList<>();
        String applied = TestSigner.sign("POST", DocumentedSample.change("rm-bp1alt0mysql0002", false));
        try (EmulatorProcess emulator = new EmulatorProcess(env())) {
            assertTrue(emulator.output().contains("State in " + data.resolve("state.log") + " (a new data directory, from the seed)"),
                    emulator.output());
            assertEquals(200, emulator.send("POST", "/", FORM, applied).status());
            answered.add(applied);
            assertEquals(200, emulator.send("PUT", "/_emulator/accounts/1507800203001111/access-keys/LTAI5tDurableKey00001", JSON,
                    "{\"id\":\"LTAI5tDurableKey00001\",\"secret\":\"durable-secret-0001\"}").status());
            assertEquals(200, emulator.send("POST", "/_emulator/clock", JSON, "{\"seconds\":120}").status());
            // Many requests at once, each answered only once its nonce is on disk (their flushes are shared).
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                sent.add(pool.submit(() -> {
                    String dryRun = SignRequest.sign("POST", DocumentedSample.parameters(), TestSigner.DEMO,
                            Instant.now().plusSeconds(120));
                    EmulatorProcess.Answer answer = emulator.send("POST", "/", FORM, dryRun);
                    return answer.status() == 200 ? dryRun : "refused " + answer;
                }));
            }
            for (Future<String> f : sent) {
                String request = f.get();
                assertFalse(request.startsWith("refused"), request);
                answered.add(request);
            }
            pool.shutdown();
            emulator.kill();
        }

        try (EmulatorProcess emulator = new EmulatorProcess(env())) {
            assertTrue(emulator.output().contains("State in " + data.resolve("state.log") + " (restored)"), emulator.output());
            String job = job(emulator);
            assertTrue(job.contains("\"version\":2"), job);
            assertTrue(job.contains("\"source\":{\"type\":\"rds\",\"engine\":\"MYSQL\",\"instanceId\":\"rm-bp1alt0mysql0002\""), job);
            assertTrue(job.contains("\"replaced\":{\"type\":\"rds\",\"engine\":\"MYSQL\",\"instanceId\":\"rm-bp1src0mysql0001\""),
                    "the history came back: " + job);
            assertTrue(job.contains("\"password\":\"******\""), "secrets stay masked in views: " + job);
            assertTrue(emulator.get("/_emulator/clock").body().contains("\"advancedSeconds\":120"), emulator.get("/_emulator/clock").body());
            for (String request : answered) {
                EmulatorProcess.Answer replay = emulator.send("POST", "/", FORM, request);
                assertEquals(400, replay.status(), replay.toString());
                assertTrue(replay.body().contains("\"Code\":\"SignatureNonceUsed\""), replay.toString());
            }
            AccessKey added = new AccessKey("LTAI5tDurableKey00001", "1507800203001111", "durable-secret-0001", true, null, null);
            EmulatorProcess.Answer byAddedKey = emulator.send("POST", "/", FORM,
                    SignRequest.sign("POST", DocumentedSample.parameters(), added, Instant.now().plusSeconds(120)));
            assertEquals(200, byAddedKey.status(), "the key added before the kill signs after it: " + byAddedKey);
            // The secret was kept to verify signatures, and is in no answer.
            assertFalse(emulator.get("/_emulator/accounts/1507800203001111").body().contains("durable-secret-0001"));
        }
    }

    @Test
    void aTornLastRecord_isDroppedWithOneWarning_andTheRestComesBack() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(env())) {
            assertEquals(200, emulator.send("POST", "/", FORM, TestSigner.sign("POST", DocumentedSample.change("rm-bp1alt0mysql0002", false))).status());
            emulator.kill();
        }
        Path file = data.resolve("state.log");
        long whole = Files.size(file);
        // A crash mid-write: a frame that promises 500 bytes, of which 3 made it.
        Files.write(file, ByteBuffer.allocate(11).putInt(500).putInt(0).put("{\"t".getBytes(StandardCharsets.UTF_8)).array(),
                StandardOpenOption.APPEND);
        try (EmulatorProcess emulator = new EmulatorProcess(env())) {
            String warning = file + ": dropped a torn last record at offset " + whole
                    + " (a crash while it was written; it was never acknowledged)";
            List<String> torn = emulator.output().lines().filter(l -> l.contains("torn")).toList();
            assertEquals(1, torn.size(), emulator.output());
            assertTrue(torn.get(0).contains("WARN") && torn.get(0).endsWith(warning), torn.get(0));
            assertTrue(job(emulator).contains("\"version\":2"));
        }
    }

    @Test
    void aDamagedFile_oraNewerFormat_stopsTheStartWithOneLineAndStatus2_neverStartsFromTheSeed() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(env())) {
            assertEquals(200, emulator.send("POST", "/", FORM, TestSigner.sign("POST", DocumentedSample.change("rm-bp1alt0mysql0002", false))).status());
            assertEquals(200, emulator.send("POST", "/_emulator/clock", JSON, "{\"seconds\":60}").status());
            emulator.kill();
        }
        Path file = data.resolve("state.log");
        byte[] good = Files.readAllBytes(file);
        byte[] damaged = good.clone();
        damaged[20] ^= 0x55; // inside the snapshot, with records after it
        Files.write(file, damaged);
        EmulatorProcess.Failed failed = EmulatorProcess.failedStart(env());
        assertEquals(2, failed.exitStatus(), failed.output());
        List<String> errors = failed.output().lines().filter(l -> l.contains("data directory")).toList();
        assertEquals(1, errors.size(), failed.output());
        assertTrue(errors.get(0).contains("data directory: " + file + " is damaged at offset 10"), errors.get(0));

        byte[] newer = good.clone();
        ByteBuffer.wrap(newer).putInt(6, 99);
        Files.write(file, newer);
        failed = EmulatorProcess.failedStart(env());
        assertEquals(2, failed.exitStatus(), failed.output());
        assertTrue(failed.output().contains("data directory: " + file + " was written by a newer format (version 99)"), failed.output());
    }

    @Test
    void theConfiguredSeed_isTheFirstStartsOnly_aResetReturnsToTheSeedTheDirectoryKept() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(env())) {
            String seed = """
                    instances: []
                    jobs: []
                    accounts:
                      - id: "1507800203001111"
                        accessKeys: [{id: LTAI5tDemoAccessKey0001, secret: DemoSecretForLocalUseOnly0001}]
                    """;
            EmulatorProcess.Answer loaded = emulator.send("PUT", "/_emulator/seed", Map.of("Content-Type", "application/yaml"), seed);
            assertEquals(200, loaded.status(), loaded.toString());
            emulator.kill();
        }
        try (EmulatorProcess emulator = new EmulatorProcess(env())) {
            assertEquals(404, emulator.get("/_emulator/jobs/" + JOB).status(), "the loaded seed, not the default one");
            assertEquals(200, emulator.send("POST", "/_emulator/reset", Map.of(), null).status());
            assertEquals(404, emulator.get("/_emulator/jobs/" + JOB).status(), "a reset returns to the seed loaded before the kill");
        }
    }
}
