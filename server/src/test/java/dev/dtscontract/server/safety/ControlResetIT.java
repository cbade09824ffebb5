package dev.dtscontract.server.safety;

import dev.dtscontract.server.auth.TestSigner;
import dev.dtscontract.spec.SpecContract;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the README promises of a reset (rule C-RESET), and of the guard's bindings (C-GUARD), over HTTP against the jar:
 * a reset puts back the seed's jobs, instances and accounts and empties the journal and the pending faults; it keeps the
 * nonces already used (a captured request is not accepted again), throttling and the clock.
 */
class ControlResetIT {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Test
    void aReset_putsTheSeedBack_emptiesJournalAndFaults_andKeepsNoncesAndTheClock() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(Map.of())) {
            String seedJob = emulator.get("/_emulator/jobs/m4312mab158%2A%2A%2A%2A").body();
            assertTrue(seedJob.contains("\"version\":1,"), seedJob);
            String captured = TestSigner.sign("POST", DocumentedSample.change("rm-bp1alt0mysql0002", false));
            assertEquals(200, emulator.send("POST", "/", FORM, captured).status());
            assertTrue(emulator.get("/_emulator/jobs/m4312mab158%2A%2A%2A%2A").body().contains("\"version\":2,"));
            assertEquals(200, emulator.send("PUT", "/_emulator/instances/rm-reset-test-0001", JSON,
                    "{\"id\":\"rm-reset-test-0001\",\"type\":\"rds\",\"engine\":\"MYSQL\",\"region\":\"cn-hangzhou\"}").status());
            assertEquals(200, emulator.send("PUT", "/_emulator/accounts/1507800203001111/access-keys/LTAI5tResetTestKey001", JSON,
                    "{\"id\":\"LTAI5tResetTestKey001\",\"secret\":\"ResetTestSecret000001\"}").status());
            assertEquals(200, emulator.send("POST", "/_emulator/faults", JSON,
                    "{\"kind\":\"ERROR\",\"errorCode\":\"ServiceUnavailable\",\"times\":5,\"dtsJobId\":\"jnosuchjob0001\"}").status());
            assertEquals(200, emulator.send("POST", "/_emulator/clock", JSON, "{\"seconds\": 60}").status());

            EmulatorProcess.Answer reset = emulator.send("POST", "/_emulator/reset", Map.of(), null);
            assertEquals(200, reset.status(), reset.toString());
            assertEquals("{\"seed\":\"seed/default-seed.yaml\",\"jobs\":" + dev.dtscontract.server.seed.SeedLoader.loadDefault().jobs().size()
                    + ",\"instances\":22,\"accounts\":2,\"accessKeys\":5}", reset.body());

            assertEquals(seedJob, emulator.get("/_emulator/jobs/m4312mab158%2A%2A%2A%2A").body(), "the job as seeded, history empty");
            assertFalse(emulator.get("/_emulator/instances").body().contains("rm-reset-test-0001"));
            assertFalse(emulator.get("/_emulator/accounts").body().contains("LTAI5tResetTestKey001"));
            assertEquals("[]", emulator.get("/_emulator/faults").body());
            assertEquals("{\"entries\":[],\"recorded\":0,\"capacity\":1000}", emulator.get("/_emulator/journal").body());
            assertTrue(emulator.get("/_emulator/clock").body().contains("\"advancedSeconds\":60"), "C-CLOCK: a reset keeps the clock");

            // The captured request, sent again after the reset: its nonce is still remembered.
            EmulatorProcess.Answer replay = emulator.send("POST", "/", FORM, captured);
            assertEquals(400, replay.status(), replay.toString());
            assertTrue(replay.body().contains("\"Code\":\"SignatureNonceUsed\""), replay.body());
            assertTrue(emulator.get("/_emulator/jobs/m4312mab158%2A%2A%2A%2A").body().contains("\"version\":1,"), "the replay changed nothing");
        }
    }

    @Test
    void aReset_keepsThrottling() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(Map.of("DTS_AUTH_BURST", "3", "DTS_AUTH_RATE_PER_SECOND", "1"))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, emulator.send("POST", "/", FORM, TestSigner.sign("POST", DocumentedSample.change("rm-bp1alt0mysql0002", true))).status());
            }
            EmulatorProcess.Answer throttled = emulator.send("POST", "/", FORM, TestSigner.sign("POST", DocumentedSample.change("rm-bp1alt0mysql0002", true)));
            assertTrue(throttled.body().contains("\"Code\":\"Throttling.User\""), throttled.body());
            assertEquals(200, emulator.send("POST", "/_emulator/reset", Map.of(), null).status());
            EmulatorProcess.Answer still = emulator.send("POST", "/", FORM, TestSigner.sign("POST", DocumentedSample.change("rm-bp1alt0mysql0002", true)));
            assertTrue(still.body().contains("\"Code\":\"Throttling.User\""), "a reset refilled the key's bucket: " + still.body());
        }
    }

    @Test
    void onANonLoopbackBindingWithoutAToken_theControlApiAndConsoleDoNotExist() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(Map.of("DTS_HOST", "0.0.0.0"))) {
            for (String path : new String[] {"/_emulator/health", "/_emulator/journal", "/_emulator/console/jobs"}) {
                EmulatorProcess.Answer answer = emulator.get(path);
                assertEquals(404, answer.status(), path + ": " + answer);
                assertTrue(answer.body().contains("\"Code\":\"InvalidAction.NotFound\""), answer.body());
            }
            assertTrue(emulator.output().contains("Test-control API off: the emulator listens on 0.0.0.0"), emulator.output());
        }
    }

    /** The journal's filters, each selecting exactly its entries, newest first (the README's ?action=&dtsJobId=&…). */
    @Test
    void theJournalsFilters_eachSelectExactlyTheirEntries_newestFirst() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(Map.of())) {
            assertEquals(200, emulator.send("POST", "/", FORM, TestSigner.sign("POST", DocumentedSample.change("rm-bp1alt0mysql0002", false))).status());
            String firstTime = emulator.get("/_emulator/journal?limit=1").body().replaceAll(".*\"time\":\"([^\"]+)\".*", "$1");
            Thread.sleep(20);
            assertEquals(200, emulator.send("POST", "/", FORM, TestSigner.sign("POST", DocumentedSample.change("rm-bp10k50h8374w****", true))).status());
            assertEquals(400, emulator.get("/?Action=ModifyDtsJobEndpoint&DtsJobId=jmssql00000001").status()); // unsigned

            assertEquals(List.of("REFUSED", "DRY_RUN", "APPLIED"), outcomes(emulator, ""));
            assertEquals(List.of("REFUSED"), outcomes(emulator, "limit=1"));
            assertEquals(List.of("APPLIED"), outcomes(emulator, "outcome=APPLIED"));
            assertEquals(List.of("REFUSED"), outcomes(emulator, "dtsJobId=jmssql00000001"));
            // Named by its DtsInstanceId, as both changes were: they are the job's.
            assertEquals(List.of("DRY_RUN", "APPLIED"), outcomes(emulator, "dtsJobId=m4312mab158%2A%2A%2A%2A"));
            assertEquals(List.of("REFUSED"), outcomes(emulator, "code=MissingParameter"));
            assertEquals(List.of(), outcomes(emulator, "action=DescribeDtsJobDetail"));
            assertEquals(List.of("REFUSED", "DRY_RUN", "APPLIED"), outcomes(emulator, "action=ModifyDtsJobEndpoint"));
            List<String> since = outcomes(emulator, "since=" + firstTime);
            assertEquals(List.of("REFUSED", "DRY_RUN", "APPLIED"), since, "since is inclusive");
            String later = java.time.Instant.parse(firstTime).plusNanos(1).toString();
            assertEquals(List.of("REFUSED", "DRY_RUN"), outcomes(emulator, "since=" + later));

            // A read is journaled as READ, under the job it read (the documented read of DescribeDtsJobDetail).
            String read = TestSigner.sign("GET", SpecContract.requestExample("DescribeDtsJobDetailDocumentedSample"));
            assertEquals(200, emulator.get("/?" + read).status());
            assertEquals(List.of("READ"), outcomes(emulator, "action=DescribeDtsJobDetail"));
            assertEquals(List.of("READ"), outcomes(emulator, "outcome=READ"));
            assertEquals(List.of("READ"), outcomes(emulator, "dtsJobId=ta7w132u12h%2A%2A%2A%2A"));
            assertEquals(List.of("READ", "REFUSED", "DRY_RUN", "APPLIED"), outcomes(emulator, ""));
        }
    }

    private static List<String> outcomes(EmulatorProcess emulator, String query) throws Exception {
        EmulatorProcess.Answer journal = emulator.get("/_emulator/journal?" + query);
        assertEquals(200, journal.status(), query + ": " + journal);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"outcome\":\"([A-Z_]+)\"").matcher(journal.body());
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
