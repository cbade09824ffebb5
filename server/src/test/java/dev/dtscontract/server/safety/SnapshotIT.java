package dev.dtscontract.server.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.TestSigner;
import dev.dtscontract.server.tools.SignRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C-SNAPSHOT against the built jar: an export masks every secret unless asked, a masked one is refused as documented,
 * a snapshot with its secrets loads into another emulator as the same world (export, load, export again gives the same
 * document; its keys sign; a reset returns to its seed; its clock is not behind), a bad one changes nothing and says
 * where, and with a data directory a loaded snapshot survives kill -9 with the nonces used before it still used.
 */
class SnapshotIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");
    private static final Map<String, String> AS_JSON = Map.of("Content-Type", "application/json");
    private static final Map<String, String> AS_YAML = Map.of("Content-Type", "application/yaml");
    private static final String JOB = "m4312mab158%2A%2A%2A%2A";
    private static final List<String> SEEDED_SECRETS = List.of("DemoSecretForLocalUseOnly0001", "StsSecretForLocalUseOnly0001",
            "CAIS8wF1q6Ft5B2yfSjIr5bDemoSecurityToken", "Src#Demo0001", "Dst#Demo0001", "Pg#Demo0001");
    private static final String ADDED_SECRET = "snapshot-secret-0001";

    private static EmulatorProcess world;
    /** The world's export with its secrets, after a real change, an added key and a clock advance. */
    private static String exported;

    @BeforeAll
    static void aWorldWithHistory() throws Exception {
        world = new EmulatorProcess(Map.of());
        assertEquals(200, world.send("POST", "/", FORM, TestSigner.sign("POST", DocumentedSample.change("rm-bp1alt0mysql0002", false))).status());
        assertEquals(200, world.send("PUT", "/_emulator/accounts/1507800203001111/access-keys/LTAI5tSnapshotKey0001", AS_JSON,
                "{\"id\":\"LTAI5tSnapshotKey0001\",\"secret\":\"" + ADDED_SECRET + "\"}").status());
        assertEquals(200, world.send("POST", "/_emulator/clock", AS_JSON, "{\"seconds\":120}").status());
        EmulatorProcess.Answer export = world.get("/_emulator/snapshot?secrets=include");
        assertEquals(200, export.status(), export.toString());
        exported = export.body();
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    @Test
    void anExport_masksEverySecret_unlessAsked_andHoldsWhatASeedLacks() throws Exception {
        String masked = world.get("/_emulator/snapshot").body();
        for (String secret : SEEDED_SECRETS) {
            assertFalse(masked.contains(secret), secret + " in " + masked);
            assertTrue(exported.contains(secret), "asked for: " + secret);
        }
        assertFalse(masked.contains(ADDED_SECRET));
        assertEquals(masked, world.get("/_emulator/snapshot?secrets=mask").body().replaceAll("\"taken\":\"[^\"]+\"", "\"taken\":\"" + taken(masked) + "\""));
        JsonNode m = JSON.readTree(masked);
        assertEquals(1, m.get("format").asInt());
        assertEquals("MASKED", m.get("secrets").asText());
        assertEquals("INCLUDED", JSON.readTree(exported).get("secrets").asText());
        assertEquals(120, m.get("advancedSeconds").asLong());
        assertEquals("******", job(m.get("jobs"), "m4312mab158****").at("/source/password").asText());
        JsonNode history = m.get("histories").get(0);
        assertEquals("m4312mab158****", history.get("dtsJobId").asText());
        assertEquals(2, history.get("version").asLong());
        assertEquals(1, history.get("changes").size());
        assertEquals("src", history.at("/changes/0/endpoint").asText());
        assertEquals("rm-bp1src0mysql0001", history.at("/changes/0/replaced/instanceId").asText());
        assertEquals("rm-bp1alt0mysql0002", history.at("/changes/0/replacement/instanceId").asText());
        assertEquals("rm-bp1alt0mysql0002", job(m.get("jobs"), "m4312mab158****").at("/source/instanceId").asText());
        assertEquals("rm-bp1src0mysql0001", job(m.at("/seed/jobs"), "m4312mab158****").at("/source/instanceId").asText(),
                "the seed a reset returns to is the seed, not the state");
        EmulatorProcess.Answer bad = world.get("/_emulator/snapshot?secrets=all");
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.body().contains("InvalidParameter"), bad.toString());
    }

    /** The control spec's documented refusal (ControlInvalidSnapshot) is exactly what loading a masked export gets. */
    @Test
    void loadingAMaskedExport_isTheDocumentedRefusal_andChangesNothing() throws Exception {
        Map<String, Object> example = ControlSpecExamples.example("Invalid", "ControlInvalidSnapshot");
        try (EmulatorProcess fresh = new EmulatorProcess(Map.of())) {
            String before = fresh.get("/_emulator/snapshot").body();
            EmulatorProcess.Answer refused = fresh.send("PUT", "/_emulator/snapshot", AS_YAML, yaml(world.get("/_emulator/snapshot").body()));
            assertEquals(400, refused.status(), refused.toString());
            assertEquals(example, JSON.readValue(refused.body(), Map.class));
            assertSameWorld(before, fresh.get("/_emulator/snapshot").body());
        }
    }

    @Test
    void aSnapshotWithItsSecrets_loadsAsTheSameWorld() throws Exception {
        try (EmulatorProcess other = new EmulatorProcess(Map.of())) {
            EmulatorProcess.Answer loaded = other.send("PUT", "/_emulator/snapshot", AS_JSON, exported);
            assertEquals(200, loaded.status(), loaded.toString());
            assertEquals("snapshot", JSON.readTree(loaded.body()).get("seed").asText());
            assertSameWorld(exported, other.get("/_emulator/snapshot?secrets=include").body());
            assertEquals(world.get("/_emulator/jobs/" + JOB).body().replaceAll("\"statusNow\":\"[A-Za-z]+\",", ""),
                    other.get("/_emulator/jobs/" + JOB).body().replaceAll("\"statusNow\":\"[A-Za-z]+\",", ""));
            assertTrue(JSON.readTree(other.get("/_emulator/clock").body()).get("advancedSeconds").asLong() >= 120);
            AccessKey added = new AccessKey("LTAI5tSnapshotKey0001", "1507800203001111", ADDED_SECRET, true, null, null);
            EmulatorProcess.Answer signed = other.send("POST", "/", FORM,
                    SignRequest.sign("POST", DocumentedSample.parameters(), added, Instant.now().plusSeconds(120)));
            assertEquals(200, signed.status(), "the key's secret came with the snapshot: " + signed);
            // YAML is a snapshot's other form.
            assertEquals(200, other.send("PUT", "/_emulator/snapshot", AS_YAML, yaml(exported)).status());
            assertSameWorld(exported, other.get("/_emulator/snapshot?secrets=include").body());
            assertEquals(200, other.send("POST", "/_emulator/reset", Map.of(), null).status());
            JsonNode reset = JSON.readTree(other.get("/_emulator/snapshot").body());
            assertEquals("rm-bp1src0mysql0001", job(reset.get("jobs"), "m4312mab158****").at("/source/instanceId").asText(),
                    "a reset returns to the snapshot's seed");
            assertFalse(reset.has("histories"), "no job changed since the seed: " + reset);
            assertEquals(120, reset.get("advancedSeconds").asLong(), "a reset keeps the clock");
        }
    }

    @Test
    void aBadSnapshot_namesWhereAndWhat_andChangesNothing() throws Exception {
        ObjectNode good = (ObjectNode) JSON.readTree(exported);
        try (EmulatorProcess other = new EmulatorProcess(Map.of())) {
            String before = other.get("/_emulator/snapshot?secrets=include").body();
            refused(other, with(good, "/histories/0/version", 3), "\"changes\":[", "histories[0].changes[0]: 'version' is 2, not 3 (versions are "
                    + "consecutive from 2, the last is the job's version 3)");
            refused(other, with(good, "/histories/0/dtsJobId", "jnosuchjob00001"), "\"histories\":[{\"dtsJobId\":",
                    "histories[0]: 'dtsJobId' jnosuchjob00001 is not a job of this snapshot");
            refused(other, with(good, "/format", 2), "\"format\":", "snapshot: 'format' 2 is newer than this emulator reads (1); load it into a newer emulator");
            refused(other, with(good, "/advancedSeconds", -1), "\"advancedSeconds\":", "snapshot: 'advancedSeconds' must be between 0 and 315360000, not -1");
            refused(other, with(good, "/histories/0/changes/0/endpoint", "both"), "\"endpoint\":",
                    "histories[0].changes[0]: 'endpoint' has unknown value 'both'; expected one of [src, dest]");
            refused(other, with(good, "/seed/jobs/0/kind", "COPY"), "\"kind\":", "seed.jobs[0]: 'kind' has unknown value 'COPY'; expected one of "
                    + "[MIGRATION, ONE_WAY_SYNCHRONIZATION, TWO_WAY_SYNCHRONIZATION]");
            ObjectNode noAccounts = good.deepCopy();
            noAccounts.remove("accounts");
            refused(other, noAccounts.toString(), "", "snapshot: 'accounts' is missing");
            assertSameWorld(before, other.get("/_emulator/snapshot?secrets=include").body());
            String twice = "format: 1\nsecrets: INCLUDED\nseed: {}\ninstances: []\njobs: []\naccounts: []\nhistories: []\nsecrets: INCLUDED\n";
            EmulatorProcess.Answer dup = other.send("PUT", "/_emulator/snapshot", AS_YAML, twice);
            assertEquals(400, dup.status());
            assertTrue(dup.body().contains("\"line\":8"), dup.toString());
        }
    }

    @Test
    void withADataDirectory_aLoadedSnapshotSurvivesKill9_andTheNoncesUsedBeforeItStayUsed(@TempDir Path data) throws Exception {
        Map<String, String> env = Map.of("DTS_DATA_DIR", data.toString());
        String answeredBefore = TestSigner.sign("POST", DocumentedSample.parameters());
        try (EmulatorProcess durable = new EmulatorProcess(env)) {
            assertEquals(200, durable.send("POST", "/", FORM, answeredBefore).status());
            assertEquals(200, durable.send("PUT", "/_emulator/snapshot", AS_JSON, exported).status());
            durable.kill();
        }
        try (EmulatorProcess restarted = new EmulatorProcess(env)) {
            assertSameWorld(exported, restarted.get("/_emulator/snapshot?secrets=include").body());
            EmulatorProcess.Answer replay = restarted.send("POST", "/", FORM, answeredBefore);
            assertEquals(400, replay.status(), replay.toString());
            assertTrue(replay.body().contains("\"Code\":\"SignatureNonceUsed\""), replay.toString());
        }
    }

    /**
     * A 400 InvalidSnapshot with this message, at line 1 (the export is one line of JSON) and at the column right after
     * the first occurrence of {@code before} (the value or object the problem is in; "" for the document itself).
     */
    private static void refused(EmulatorProcess emulator, String snapshot, String before, String message) throws Exception {
        EmulatorProcess.Answer answer = emulator.send("PUT", "/_emulator/snapshot", AS_JSON, snapshot);
        assertEquals(400, answer.status(), answer.toString());
        JsonNode error = JSON.readTree(answer.body());
        assertEquals("InvalidSnapshot", error.get("code").asText(), answer.toString());
        assertEquals(message, error.get("message").asText());
        assertEquals("request body", error.get("source").asText());
        assertEquals(1, error.get("line").asInt());
        assertTrue(snapshot.contains(before), before);
        assertEquals(snapshot.indexOf(before) + before.length() + 1, error.get("column").asInt(), answer.toString());
    }

    private static String with(ObjectNode snapshot, String pointer, Object value) {
        ObjectNode copy = snapshot.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, cut));
        String key = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode object) {
            object.set(key, JSON.valueToTree(value));
        } else {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(key), JSON.valueToTree(value));
        }
        return copy.toString();
    }

    /** The same document but for when it was taken. */
    private static void assertSameWorld(String expected, String actual) throws Exception {
        ObjectNode e = (ObjectNode) JSON.readTree(expected);
        ObjectNode a = (ObjectNode) JSON.readTree(actual);
        e.remove("taken");
        a.remove("taken");
        assertEquals(e.toPrettyString(), a.toPrettyString());
    }

    private static String taken(String snapshot) throws Exception {
        return JSON.readTree(snapshot).get("taken").asText();
    }

    private static JsonNode job(JsonNode jobs, String id) {
        for (JsonNode job : jobs) {
            if (job.get("dtsJobId").asText().equals(id)) {
                return job;
            }
        }
        throw new AssertionError("no job " + id + " in " + jobs);
    }

    /** The JSON document in YAML's block style, its keys in order: {@code format} on line 1, {@code secrets} on line 2. */
    @SuppressWarnings("unchecked")
    private static String yaml(String json) throws Exception {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(JSON.readValue(json, java.util.LinkedHashMap.class));
    }

}
