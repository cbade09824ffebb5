package dev.dtscontract.server.storage;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.control.JobHistory;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.Engine;
import dev.dtscontract.server.domain.InstanceType;
import dev.dtscontract.server.domain.JobChange;
import dev.dtscontract.server.domain.JobEndpoint;
import dev.dtscontract.server.domain.JobSide;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.server.domain.Secret;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(30);
    private static final String JOB = "m4312mab158****";

    @TempDir
    Path dir;

    private DataDirectory open(Instant now) {
        return DataDirectory.open(dir, SeedLoader::loadDefault, WINDOW, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static DtsJob job(DataDirectory d, String id) {
        return d.recovered().jobs().stream().filter(j -> j.dtsJobId().equals(id)).findFirst().orElse(null);
    }

    /** Equal in every value, the secrets included (a Secret has no equals: it is compared by what it holds). */
    private static void assertSameEndpoint(JobEndpoint expected, JobEndpoint actual, String what) {
        assertEquals(String.valueOf(expected), String.valueOf(actual), what);
        if (expected != null) {
            assertEquals(disclosed(expected.password()), disclosed(actual.password()), what + ": password");
            assertEquals(disclosed(expected.shardPassword()), disclosed(actual.shardPassword()), what + ": shard password");
        }
    }

    private static String disclosed(Secret secret) {
        return secret == null ? null : secret.disclose();
    }

    private static void assertSameJob(DtsJob expected, DtsJob actual) {
        assertEquals(expected.toString(), actual.toString());
        assertSameEndpoint(expected.source(), actual.source(), "source");
        assertSameEndpoint(expected.destination(), actual.destination(), "destination");
    }

    @Test
    void aNewDirectory_startsFromTheSeed_andSaysSo() {
        try (DataDirectory d = open(NOW)) {
            assertTrue(d.recovered().fresh());
            assertEquals(SeedLoader.loadDefault().jobs().size(), d.recovered().jobs().size());
            assertEquals(Duration.ZERO, d.recovered().clockOffset());
        }
        try (DataDirectory d = open(NOW)) {
            assertFalse(d.recovered().fresh(), "the second start reads what the first wrote");
        }
    }

    @Test
    void everyKindOfRecord_comesBackByName_secretsIncluded() {
        Instant at = NOW.minusSeconds(60);
        JobEndpoint moved = new JobEndpoint(InstanceType.RDS, Engine.MYSQL, "rm-moved-0001", null, null, "cn-hangzhou", null,
                "dts_src", Secret.of("Moved#Pass01"), null, null, null, null);
        try (DataDirectory d = open(NOW)) {
            DtsJob before = job(d, JOB);
            DtsJob after = before.withEndpoint(JobSide.SOURCE, moved, NOW.plusSeconds(30));
            d.changed(after, JobChange.builder().version(2).requestId("REQ-1").time(at).side(JobSide.SOURCE)
                    .synchronizationDirection("Forward").accessKeyId("LTAI5tDemoAccessKey0001")
                    .replaced(before.source()).replacement(moved).build());
            d.writtenSoFar().join();
            assertTrue(d.writtenSoFar().isDone(), "nothing left to wait for: complete at once");
            d.instancePut(new DatabaseInstance("dds-new-0001", InstanceType.DISTRIBUTED_MONGODB, Engine.MONGODB_SHARDED, "cn-beijing", 6));
            d.keyPut(new AccessKey("LTAI5tKept0000000001", "1507800203001111", "kept-secret", true, null, null));
            d.accountPut(new Accounts.Account("1507800209999999",
                    List.of(new AccessKey("LTAI5tNewAccount00001", "1507800209999999", "new-secret", false, "token", at)), List.of()));
            d.clockAdvanced(Duration.ofSeconds(90));
            d.accepted("LTAI5tDemoAccessKey0001", "nonce-live", NOW.minusSeconds(5));
            d.accepted("LTAI5tDemoAccessKey0001", "nonce-old", NOW.minus(WINDOW).minusSeconds(91));
        }
        try (DataDirectory d = open(NOW)) {
            DtsJob job = job(d, JOB);
            assertEquals(2, job.version());
            assertEquals("rm-moved-0001", job.source().instanceId());
            assertTrue(job.source().password().matches("Moved#Pass01"), "the password is kept (it is the job's)");
            assertEquals(NOW.plusSeconds(30), job.modifyingUntil());
            assertEquals(SeedLoader.loadDefault().jobs().stream().filter(j -> j.dtsJobId().equals(JOB)).findFirst().orElseThrow()
                    .checkpoint().minusSeconds(10), job.checkpoint());
            JobChange change = d.recovered().histories().get(JOB).get(0);
            assertEquals("REQ-1", change.requestId());
            assertEquals(at, change.time());
            assertEquals(JobSide.SOURCE, change.side());
            assertEquals("Forward", change.synchronizationDirection());
            assertEquals("LTAI5tDemoAccessKey0001", change.accessKeyId());
            assertEquals("rm-moved-0001", change.replacement().instanceId());
            assertSameEndpoint(SeedLoader.loadDefault().jobs().stream().filter(j -> j.dtsJobId().equals(JOB)).findFirst().orElseThrow()
                    .source(), change.replaced(), "what it replaced is the job's endpoint before it, read back in full");
            assertEquals(6, d.recovered().instances().stream().filter(i -> i.id().equals("dds-new-0001")).findFirst().orElseThrow().shardCount());
            Accounts accounts = new Accounts(d.recovered().accounts());
            assertEquals("kept-secret", accounts.key("LTAI5tKept0000000001").orElseThrow().credentials().accessKeySecret());
            AccessKey temporary = accounts.key("LTAI5tNewAccount00001").orElseThrow();
            assertFalse(temporary.enabled());
            assertEquals("token", temporary.securityToken());
            assertEquals(at, temporary.expires());
            assertEquals(Duration.ofSeconds(90), d.recovered().clockOffset());
            assertEquals(List.of("nonce-live"), d.recovered().nonces().stream().map(DataDirectory.NonceUse::nonce).toList(),
                    "a nonce older than the window (on the emulator's clock, 90 s ahead) is live no more");
            assertEquals(NOW.minusSeconds(5), d.recovered().nonces().get(0).at());
        }
    }

    @Test
    void aChangeRecord_holdsTheNewEndpointOnly_andReplaysThroughTheDomain_inVersionOrder() throws Exception {
        JobEndpoint first = new JobEndpoint(InstanceType.RDS, Engine.MYSQL, "rm-first-0001", null, null, "cn-hangzhou", null,
                "dts_src", Secret.of("First#Pass01"), null, null, null, null);
        JobEndpoint second = new JobEndpoint(InstanceType.RDS, Engine.MYSQL, "rm-second-0001", null, null, "cn-hangzhou", null,
                "dts_dst", Secret.of("Second#Pass01"), null, null, null, null);
        DtsJob seeded;
        DtsJob live;
        try (DataDirectory d = open(NOW)) {
            seeded = job(d, JOB);
            DtsJob one = seeded.withEndpoint(JobSide.SOURCE, first, NOW.plusSeconds(30));
            d.changed(one, JobChange.builder().version(2).requestId("R1").time(NOW).side(JobSide.SOURCE)
                    .replaced(seeded.source()).replacement(first).build());
            live = one.withEndpoint(JobSide.DESTINATION, second, NOW.plusSeconds(60));
            d.changed(live, JobChange.builder().version(3).requestId("R2").time(NOW).side(JobSide.DESTINATION)
                    .replaced(one.destination()).replacement(second).build());
            d.writtenSoFar().join();
            String written = new String(Files.readAllBytes(d.file()), StandardCharsets.UTF_8);
            assertFalse(written.contains("\"replaced\""), "a change record leaves out what the replay knows");
            assertFalse(written.contains("\"job\":{"), "a change record does not repeat the job");
            assertEquals(1, written.split("rm-second-0001", -1).length - 1, "the new endpoint is written once");
        }
        try (DataDirectory d = open(NOW)) {
            assertSameJob(live, job(d, JOB)); // replayed through the domain: the job as it stood live
            List<JobChange> changes = d.recovered().histories().get(JOB);
            assertEquals(List.of("R1", "R2"), changes.stream().map(JobChange::requestId).toList());
            assertSameEndpoint(seeded.source(), changes.get(0).replaced(), "first replaced");
            assertSameEndpoint(first, changes.get(0).replacement(), "first replacement");
            assertSameEndpoint(seeded.destination(), changes.get(1).replaced(), "second replaced");
            assertSameEndpoint(second, changes.get(1).replacement(), "second replacement");
        }
    }

    @Test
    void aChangeThatIsNotTheJobItLeaves_isRefusedBeforeItIsWritten() {
        try (DataDirectory d = open(NOW)) {
            DtsJob seeded = job(d, JOB);
            JobEndpoint moved = new JobEndpoint(InstanceType.RDS, Engine.MYSQL, "rm-moved-0001", null, null, "cn-hangzhou", null,
                    "dts_src", Secret.of("Moved#Pass01"), null, null, null, null);
            DtsJob after = seeded.withEndpoint(JobSide.SOURCE, moved, null);
            assertThrows(IllegalArgumentException.class, () -> d.changed(after, JobChange.builder().version(3).side(JobSide.SOURCE)
                    .replacement(moved).build()), "another version");
            assertThrows(IllegalArgumentException.class, () -> d.changed(after, JobChange.builder().version(2).side(JobSide.SOURCE)
                    .replacement(seeded.source()).build()), "another endpoint");
            assertThrows(IllegalArgumentException.class, () -> d.changed(after, JobChange.builder().version(2).side(JobSide.DESTINATION)
                    .replacement(moved).build()), "another side");
            assertEquals(0, d.records());
            d.changed(after, JobChange.builder().version(2).side(JobSide.SOURCE).replacement(moved).build());
            assertEquals(1, d.records(), "the change that is the job it leaves is written");
        }
    }

    @Test
    void aChangeOutOfVersionOrder_orOfAnUnknownJob_stopsTheStart() throws Exception {
        for (String change : List.of(
                "{\"type\":\"change\",\"dtsJobId\":\"" + JOB + "\",\"change\":{\"version\":3,\"side\":\"SOURCE\",\"time\":\"" + NOW + "\"}}",
                "{\"type\":\"change\",\"dtsJobId\":\"dtsnope\",\"change\":{\"version\":2,\"side\":\"SOURCE\",\"time\":\"" + NOW + "\"}}")) {
            try (DataDirectory d = open(NOW)) {
                d.accepted("k", "n", NOW); // a second record, to be sure the first is the snapshot
            }
            Path file = dir.resolve(DataDirectory.FILE);
            List<byte[]> records = new java.util.ArrayList<>(LogFile.read(file).records());
            records.add(change.getBytes(StandardCharsets.UTF_8));
            LogFile.rewrite(file, records).close();
            StorageException e = assertThrows(StorageException.class, () -> open(NOW));
            assertTrue(e.getMessage().startsWith(file + ": record 3 cannot be read: "), e.getMessage());
            assertTrue(e.getMessage().endsWith(change.contains("dtsnope") ? "a change of an unknown job 'dtsnope'"
                    : "a change to version 3 of " + JOB + ", which is at version 1"), e.getMessage());
            Files.delete(file);
        }
    }

    @Test
    void aFormat1Log_isRead_andRewrittenAsTheCurrentFormat() throws Exception {
        JobEndpoint moved = new JobEndpoint(InstanceType.RDS, Engine.MYSQL, "rm-moved-0001", null, null, "cn-hangzhou", null,
                "dts_src", Secret.of("Moved#Pass01"), null, null, null, null);
        DtsJob seeded;
        try (DataDirectory d = open(NOW)) {
            seeded = job(d, JOB);
        }
        Path file = dir.resolve(DataDirectory.FILE);
        DtsJob after = seeded.withEndpoint(JobSide.SOURCE, moved, NOW.plusSeconds(30));
        com.fasterxml.jackson.databind.node.ObjectNode old = StateCodec.object();
        old.put("type", "change");
        old.set("job", StateCodec.job(after));
        old.set("change", StateCodec.change(JobChange.builder().version(2).requestId("OLD").time(NOW).side(JobSide.SOURCE)
                .replaced(seeded.source()).replacement(moved).build()));
        List<byte[]> records = new java.util.ArrayList<>(LogFile.read(file).records());
        records.add(StateCodec.bytes(old));
        LogFile.rewrite(file, records).close();
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer.wrap(bytes).putInt(6, 1);
        Files.write(file, bytes);
        try (DataDirectory d = open(NOW)) {
            assertSameJob(after, job(d, JOB));
            assertSameEndpoint(seeded.source(), d.recovered().histories().get(JOB).get(0).replaced(), "replaced");
        }
        assertEquals(LogFile.FORMAT_VERSION, java.nio.ByteBuffer.wrap(Files.readAllBytes(file)).getInt(6), "migrated at start");
        try (DataDirectory d = open(NOW)) {
            assertSameJob(after, job(d, JOB));
        }
    }

    @Test
    void aJobPut_forgetsItsHistory_aResetReturnsToTheSeed_aLoadReplacesIt() {
        try (DataDirectory d = open(NOW)) {
            DtsJob seeded = job(d, JOB);
            d.changed(seeded.withEndpoint(JobSide.SOURCE, seeded.source(), null), JobChange.builder().version(2)
                    .requestId("R").time(NOW).side(JobSide.SOURCE).replaced(seeded.source()).replacement(seeded.source()).build());
            d.jobPut(seeded);
        }
        try (DataDirectory d = open(NOW)) {
            assertEquals(1, job(d, JOB).version());
            assertNull(d.recovered().histories().get(JOB));
            d.reset();
        }
        Seed small = SeedLoader.parse("""
                instances: []
                jobs: []
                accounts:
                  - id: "1507800203001111"
                    accessKeys: [{id: LTAI5tDemoAccessKey0001, secret: DemoSecretForLocalUseOnly0001}]
                """, "small.yaml");
        try (DataDirectory d = open(NOW)) {
            assertEquals(SeedLoader.loadDefault().jobs().size(), d.recovered().jobs().size());
            d.loaded(small);
        }
        try (DataDirectory d = open(NOW)) {
            assertEquals(List.of(), d.recovered().jobs());
            assertEquals("small.yaml", d.recovered().seed().source());
            assertEquals(List.of(), d.recovered().seed().jobs(), "the seed a reset returns to is the loaded one");
        }
    }

    @Test
    void theLogIsCompactedAtEachStart_toOneSnapshot() throws Exception {
        try (DataDirectory d = open(NOW)) {
            for (int i = 0; i < 100; i++) {
                d.accepted("LTAI5tDemoAccessKey0001", "n" + i, NOW);
            }
        }
        long grown = Files.size(dir.resolve(DataDirectory.FILE));
        try (DataDirectory d = open(NOW.plus(WINDOW).plusSeconds(1))) {
            assertEquals(List.of(), d.recovered().nonces());
        }
        assertTrue(Files.size(dir.resolve(DataDirectory.FILE)) < grown, "expired nonces are not written again");
        assertEquals(1, LogFile.read(dir.resolve(DataDirectory.FILE)).records().size());
    }

    @Test
    void aRecordThatCannotBeRead_stopsTheStart_namingIt() throws Exception {
        try (DataDirectory d = open(NOW)) {
            d.reset();
        }
        Path file = dir.resolve(DataDirectory.FILE);
        List<byte[]> records = LogFile.read(file).records();
        LogFile.rewrite(file, List.of(records.get(0), "{\"type\":\"teleport\"}".getBytes(StandardCharsets.UTF_8))).close();
        StorageException unknown = assertThrows(StorageException.class, () -> open(NOW));
        assertEquals(file + ": record 2 cannot be read: unknown record type 'teleport'", unknown.getMessage());
        LogFile.rewrite(file, List.of("{\"type\":\"reset\"}".getBytes(StandardCharsets.UTF_8))).close();
        StorageException noSnapshot = assertThrows(StorageException.class, () -> open(NOW));
        assertEquals(file + ": record 1 cannot be read: a 'reset' record before any snapshot", noSnapshot.getMessage());
    }

    @Test
    void aWriteTheDiskRefuses_isServiceUnavailable_andNothingLaterIsAcknowledged() throws Exception {
        DataDirectory d = open(NOW);
        d.close(); // the channel is closed: every write now fails, as on a disk that went away
        RuleViolation refused = assertThrows(RuleViolation.class, () -> d.accepted("k", "n", NOW));
        assertEquals("C-DURABLE", refused.ruleId());
        assertEquals("ServiceUnavailable", refused.code().wire());
        assertThrows(RuleViolation.class, () -> d.clockAdvanced(Duration.ofSeconds(1)));
        DtsJob seeded = SeedLoader.loadDefault().jobs().get(0);
        DtsJob after = seeded.withEndpoint(JobSide.SOURCE, seeded.source(), null);
        RuleViolation change = assertThrows(RuleViolation.class, () -> d.changed(after,
                JobChange.builder().version(2).requestId("R").time(NOW).side(JobSide.SOURCE).replacement(seeded.source()).build()));
        assertEquals("C-DURABLE", change.ruleId(), "a change that cannot be written is not applied");
        assertTrue(d.writtenSoFar().isCompletedExceptionally(), "no answer is acknowledged after a lost record");
    }

    @Test
    void aDirectoryInUse_isRefusedToASecondEmulator_andFreeAgainOnceClosed() {
        try (DataDirectory first = open(NOW)) {
            StorageException second = assertThrows(StorageException.class, () -> open(NOW));
            assertEquals("another emulator is using the data directory " + dir, second.getMessage());
            assertTrue(first.writtenSoFar().isDone(), "the first goes on");
        }
        try (DataDirectory again = open(NOW)) {
            assertFalse(again.recovered().fresh());
        }
    }

    /**
     * Directories it cannot use, each refused with one line before anything is read or written: a file in the
     * directory's place, and a directory under one (as root, permissions do not stop a write, so an unwritable
     * directory is made of these).
     */
    @Test
    void aDirectoryItCannotUse_isRefusedWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        StorageException isAFile = assertThrows(StorageException.class,
                () -> DataDirectory.open(file, SeedLoader::loadDefault, WINDOW, Clock.fixed(NOW, ZoneOffset.UTC)));
        assertEquals("the data directory " + file + " is a file, not a directory", isAFile.getMessage());
        Path under = file.resolve("data");
        StorageException cannotCreate = assertThrows(StorageException.class,
                () -> DataDirectory.open(under, SeedLoader::loadDefault, WINDOW, Clock.fixed(NOW, ZoneOffset.UTC)));
        assertTrue(cannotCreate.getMessage().startsWith("cannot create the data directory " + under + ": "), cannotCreate.getMessage());
        assertEquals("x", Files.readString(file), "nothing was written over it");
    }

    @Test
    void aLoadedSnapshot_comesBack_withTheNoncesUsedBeforeIt() {
        Seed seed = SeedLoader.loadDefault();
        DtsJob changed = seed.jobs().stream().filter(j -> j.dtsJobId().equals(JOB)).findFirst().orElseThrow().at(3, NOW.plusSeconds(30));
        JobChange second = JobChange.builder().version(2).requestId("R2").time(NOW).side(JobSide.SOURCE).build();
        JobChange third = JobChange.builder().version(3).requestId("R3").time(NOW.plusSeconds(1)).side(JobSide.DESTINATION)
                .synchronizationDirection("Reverse").accessKeyId("LTAI5tDemoAccessKey0001").build();
        dev.dtscontract.server.seed.Snapshot snapshot = new dev.dtscontract.server.seed.Snapshot(
                new Seed("snapshot", List.of(), List.of(changed), seed.accountList()), seed.instances(), List.of(changed),
                seed.accountList(), java.util.Map.of(JOB, List.of(second, third)), Duration.ofSeconds(300));
        try (DataDirectory d = open(NOW)) {
            d.accepted("LTAI5tDemoAccessKey0001", "before-the-load", NOW);
            d.snapshotLoaded(snapshot, Duration.ofSeconds(300));
        }
        try (DataDirectory d = open(NOW)) {
            DataDirectory.Recovered r = d.recovered();
            assertEquals(List.of(JOB), r.jobs().stream().map(DtsJob::dtsJobId).toList());
            assertEquals(3, job(d, JOB).version());
            assertEquals(changed.source().instanceId(), job(d, JOB).source().instanceId());
            assertTrue(job(d, JOB).source().password().matches(changed.source().password().disclose()), "secrets kept as they are");
            assertEquals(NOW.plusSeconds(30), job(d, JOB).modifyingUntil());
            assertEquals(List.of(second, third), r.histories().get(JOB));
            assertEquals("snapshot", r.seed().source());
            assertEquals(List.of(JOB), r.seed().jobs().stream().map(DtsJob::dtsJobId).toList(), "a reset returns to the snapshot's seed");
            assertEquals(3, r.seed().jobs().get(0).version());
            assertEquals(seed.instances().stream().sorted(java.util.Comparator.comparing(DatabaseInstance::id)).toList(), r.instances());
            assertEquals(Duration.ofSeconds(300), r.clockOffset());
            assertEquals(List.of(new DataDirectory.NonceUse("LTAI5tDemoAccessKey0001", "before-the-load", NOW)), r.nonces(),
                    "a load never forgets a nonce used");
        }
    }
}
