package dev.dtscontract.emulator.junit;

import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.emulator.control.model.Engine;
import dev.dtscontract.emulator.control.model.InstanceType;
import dev.dtscontract.emulator.control.model.JobKind;
import dev.dtscontract.emulator.control.model.JobView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every option of the builder and every helper of {@link EmulatorControl}, the same for an emulator in the test JVM
 * ({@link InProcessOptionsTest}) and one in its own process ({@link OutOfProcessOptionsTest}): settings (in a process,
 * as -D properties), the seed, the control token, the client's credentials, the data directory (state acknowledged by
 * one emulator is the next one's), reset before each test or not, a running emulator by URL, and what each control
 * helper leaves in the emulator's state.
 */
abstract class ExtensionOptionsContract {

    /** A builder for this mode. */
    abstract DtsEmulatorExtension.Builder newBuilder();

    /** Starts it, runs the check, stops it. */
    static void with(DtsEmulatorExtension dts, java.util.function.Consumer<DtsEmulatorExtension> check) {
        dts.start();
        try {
            check.accept(dts);
        } finally {
            dts.stop();
        }
    }

    private static final String JOB = "m4312mab158****";

    private static ModifyDtsJobEndpointRequest moveSource() {
        return new ModifyDtsJobEndpointRequest().dtsJobId(JOB).endpoint(Endpoint.SRC)
                .endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId("rm-bp10k50h8374w****");
    }

    @Test
    void aSetting_theControlToken_andTheCredentials_reachTheProcessAndItsClients() throws Exception {
        DtsEmulatorExtension dts = newBuilder()
                .property("dts.jobs.modifying-seconds", 0).controlToken("oop-token-0001").build();
        dts.start();
        try {
            dts.client().modifyDtsJobEndpoint(moveSource());
            assertEquals("Synchronizing", dts.client().describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId(JOB)).getStatus(),
                    "dts.jobs.modifying-seconds=0 reached the process: no Modifying window after the change");
            assertEquals(2L, dts.control().job(JOB).getVersion(), "the control client sends the token");
            HttpResponse<String> without = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dts.url() + "/_emulator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, without.statusCode(), "the process was started with the token: " + without.body());
            dts.pid().ifPresent(pid -> { // a process's command line is readable by every user of the machine: not the token
                String commandLine = ProcessHandle.of(pid).orElseThrow().info().commandLine().orElseThrow();
                assertTrue(commandLine.contains("-jar") && commandLine.contains("-Ddts.jobs.modifying-seconds=0"), commandLine);
                assertFalse(commandLine.contains("oop-token-0001"), "the control token is on the process's command line");
            });
        } finally {
            dts.stop();
        }
        DtsEmulatorExtension stranger = newBuilder()
                .credentials("LTAI5tNoSuchKey000001", "no-such-secret").build();
        stranger.start();
        try {
            DtsClientException e = assertThrows(DtsClientException.class, () -> stranger.client().modifyDtsJobEndpoint(moveSource()));
            assertEquals("InvalidAccessKeyId.NotFound", e.code(), "the client signs with the configured key");
        } finally {
            stranger.stop();
        }
    }

    @Test
    void stateAcknowledgedByOneProcess_isTheNextOnesOnTheSameDataDirectory(@TempDir Path data) {
        DtsEmulatorExtension first = newBuilder()
                .dataDirectory(data).resetBeforeEach(false).build();
        first.start();
        try {
            first.client().modifyDtsJobEndpoint(moveSource());
        } finally {
            first.stop();
        }
        assertTrue(Files.isRegularFile(data.resolve("state.log")));
        DtsEmulatorExtension second = newBuilder()
                .dataDirectory(data).resetBeforeEach(false).build();
        second.start();
        try {
            assertEquals(2L, second.control().job(JOB).getVersion());
            assertEquals("rm-bp10k50h8374w****", second.control().job(JOB).getSource().getInstanceId());
        } finally {
            second.stop();
        }
    }

    @Test
    void aSeedFile_isWhatTheEmulatorStartsWith_andWhatAResetReturnsTo(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(seed, String.join("\n",
                "accounts:",
                "  - {id: \"1507800203001111\", accessKeys: [{id: " + DtsEmulatorExtension.DEMO_ACCESS_KEY_ID + ", secret: "
                        + DtsEmulatorExtension.DEMO_ACCESS_KEY_SECRET + "}]}",
                "instances:",
                "  - {id: rm-seeded0000001, type: rds, engine: MYSQL, region: cn-hangzhou}",
                "  - {id: rm-seeded0000002, type: rds, engine: MYSQL, region: cn-hangzhou}",
                "jobs:",
                "  - {dtsJobId: jseeded0000001, dtsInstanceId: dtsjseeded0000001, region: cn-hangzhou, resourceGroupId: rg-seed,",
                "     owner: \"1507800203001111\", kind: ONE_WAY_SYNCHRONIZATION, status: Synchronizing, latencySeconds: 1,",
                "     checkpoint: \"2026-01-01T00:00:00Z\",",
                "     source: {type: rds, engine: MYSQL, instanceId: rm-seeded0000001, region: cn-hangzhou},",
                "     destination: {type: rds, engine: MYSQL, instanceId: rm-seeded0000002, region: cn-hangzhou}}",
                ""));
        with(newBuilder().seed(seed).build(), dts -> {
            assertEquals(java.util.List.of("jseeded0000001"), dts.control().jobs().stream().map(JobView::getDtsJobId).toList());
            dts.control().newJob("jextra00000001").source(InstanceType.RDS, Engine.MYSQL, "rm-seeded0000001")
                    .destination(InstanceType.RDS, Engine.MYSQL, "rm-seeded0000002").put();
            assertEquals(2, dts.control().jobs().size());
            dts.beforeEach(null); // as before the next test: back to the seed file
            assertEquals(java.util.List.of("jseeded0000001"), dts.control().jobs().stream().map(JobView::getDtsJobId).toList());
        });
    }

    @Test
    void resetBeforeEach_isOnByDefault_andOffWhenAsked() {
        with(newBuilder().build(), dts -> {
            dts.client().modifyDtsJobEndpoint(moveSource());
            dts.beforeEach(null);
            assertEquals(1L, dts.control().job(JOB).getVersion(), "reset to the seed before the next test");
        });
        with(newBuilder().resetBeforeEach(false).build(), dts -> {
            dts.client().modifyDtsJobEndpoint(moveSource());
            dts.beforeEach(null);
            assertEquals(2L, dts.control().job(JOB).getVersion(), "kept for the next test");
        });
    }

    @Test
    void aRunningEmulator_isUsedByUrl_andNotStoppedWithTheExtension() {
        with(newBuilder().controlToken("url-token-0001").build(), owner -> {
            DtsEmulatorExtension byUrl = DtsEmulatorExtension.newInstance().url(owner.url().toString())
                    .controlToken("url-token-0001").build();
            with(byUrl, dts -> {
                assertEquals(owner.url(), dts.url());
                assertTrue(dts.pid().isEmpty() && dts.log().isEmpty(), "nothing started here");
                dts.client().modifyDtsJobEndpoint(moveSource());
                assertEquals(2L, owner.control().job(JOB).getVersion(), "the same emulator");
            });
            assertEquals(2L, owner.control().job(JOB).getVersion(), "still running after the URL's extension stopped");
        });
    }

    @Test
    void everyFieldOfAJobDraft_isTheJobStored() {
        with(newBuilder().build(), dts -> {
            int seeded = dts.control().jobs().size();
            JobView put = dts.control().newJob("jdraft00000001").dtsInstanceId("dtsdraft0000001").region("cn-shanghai")
                    .resourceGroupId("rg-draft").owner("1507800203009999").kind(JobKind.ONE_WAY_SYNCHRONIZATION)
                    .status("Suspending").latencySeconds(7).checkpoint("2026-03-04T05:06:07Z")
                    .source(InstanceType.RDS, Engine.MYSQL, "rm-uf6mysql0000001")
                    .destination(InstanceType.RDS, Engine.MYSQL, "rm-uf6mysql0000002").put();
            JobView job = dts.control().job("jdraft00000001");
            for (JobView v : new JobView[] {put, job}) {
                assertEquals("dtsdraft0000001", v.getDtsInstanceId());
                assertEquals("cn-shanghai", v.getRegion());
                assertEquals("rg-draft", v.getResourceGroupId());
                assertEquals("1507800203009999", v.getOwner());
                assertEquals(JobKind.ONE_WAY_SYNCHRONIZATION, v.getKind());
                assertEquals("Suspending", v.getStatus());
                assertEquals(7, v.getLatencySeconds());
                assertEquals("2026-03-04T05:06:07Z", v.getCheckpoint());
                assertEquals("rm-uf6mysql0000001", v.getSource().getInstanceId());
                assertEquals("cn-shanghai", v.getSource().getRegion(), "a draft's endpoints are in its region");
                assertEquals("rm-uf6mysql0000002", v.getDestination().getInstanceId());
                assertEquals(1L, v.getVersion());
            }
            assertEquals(seeded + 1, dts.control().jobs().size());
            assertThrows(IllegalStateException.class, () -> dts.control().newJob("jnoends0000001").put(), "no endpoints");
        });
    }

    @Test
    void delayNext_delaysOnlyTheNextRequests() {
        with(newBuilder().build(), dts -> {
            dts.control().delayNext(1, 400);
            long t0 = System.nanoTime();
            dts.client().describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId(JOB));
            long delayed = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(delayed >= 400, delayed + " ms");
            assertEquals(java.util.List.of(), dts.control().api().listFaults(), "used up");
        });
    }

    @Test
    void advanceClock_movesTheEmulatorsTime_andNowReadsIt() {
        with(newBuilder().build(), dts -> {
            java.time.Instant before = dts.control().now();
            java.time.Instant after = dts.control().advanceClock(java.time.Duration.ofHours(2));
            long moved = java.time.Duration.between(before, after).toSeconds();
            assertTrue(moved >= 7200 && moved < 7200 + 60, moved + " s");
            assertTrue(!dts.control().now().isBefore(after));
            DtsClientException e = assertThrows(DtsClientException.class, () -> dts.client().modifyDtsJobEndpoint(moveSource()));
            assertEquals("InvalidTimeStamp.Expired", e.code(), "the client signs with the machine's time, now 2 h behind");
        });
    }
}
