package dev.dtscontract.server.seed;

import dev.dtscontract.server.domain.DtsJob;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedLoaderTest {

    private static final String JOB = """
            jobs:
              - dtsJobId: j1
                dtsInstanceId: dts1
                region: cn-hangzhou
                resourceGroupId: rg-1
                owner: "1507800203001111"
                kind: MIGRATION
                status: Migrating
                checkpoint: "2026-11-24T08:00:00Z"
                source: {type: rds, engine: MYSQL, instanceId: rm-1, region: cn-hangzhou, password: "S3cret-Value"}
                destination: {type: rds, engine: MYSQL, instanceId: rm-2, region: cn-hangzhou}
            """;

    @Test
    void defaultSeed_holdsTheDocumentsJobVerbatim() {
        Seed seed = SeedLoader.loadDefault();
        assertTrue(seed.jobs().stream().anyMatch(j ->
                j.dtsJobId().equals("m4312mab158****") && j.dtsInstanceId().equals("dtsaw012y2g15q****")));
        assertTrue(seed.instances().stream().anyMatch(i -> i.id().equals("rm-bp10k50h8374w****")));
        assertEquals(SeedLoader.DEFAULT_SEED, seed.source());
    }

    @Test
    void defaultSeed_coversTwoRegionsAndTwoResourceGroups() {
        Seed seed = SeedLoader.loadDefault();
        assertTrue(seed.jobs().stream().map(DtsJob::regionId).distinct().count() >= 2);
        assertTrue(seed.jobs().stream().map(DtsJob::resourceGroupId).distinct().count() >= 2);
    }

    @Test
    void validJob_isReadWithEveryField() {
        DtsJob job = SeedLoader.parse(JOB, "t.yaml").jobs().get(0);
        assertEquals("j1", job.dtsJobId());
        assertEquals("dts1", job.dtsInstanceId());
        assertEquals("rg-1", job.resourceGroupId());
        assertEquals("1507800203001111", job.ownerAccountId());
        assertEquals(1, job.version());
        assertEquals("rm-1", job.source().instanceId());
        assertTrue(job.source().password().matches("S3cret-Value"));
        assertEquals(null, job.destination().password());
    }

    @Test
    void unknownEnumValue_failsWithItsPositionAndTheValuesAllowed() {
        String yaml = "instances:\n  - {id: x, type: mainframe, engine: MYSQL, region: r}\n";
        SeedException e = assertThrows(SeedException.class, () -> SeedLoader.parse(yaml, "test.yaml"));
        assertEquals("test.yaml:2:19: instances[0]: 'type' has unknown value 'mainframe'; expected one of "
                + "[rds, polardb, mongodb, distributed_mongodb, greenplum, kafka, ecs, express, other]", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(19, e.column());
    }

    @Test
    void missingField_failsAtItsEntry() {
        SeedException e = assertThrows(SeedException.class,
                () -> SeedLoader.parse(JOB.replace("    resourceGroupId: rg-1\n", ""), "test.yaml"));
        assertEquals("test.yaml:2:5: jobs[0]: 'resourceGroupId' is missing", e.getMessage());
    }

    @Test
    void unknownKey_isRefusedWhereItStands() {
        SeedException e = assertThrows(SeedException.class,
                () -> SeedLoader.parse(JOB.replace("    status: Migrating\n", "    status: Migrating\n    stauts: x\n"), "t.yaml"));
        assertTrue(e.getMessage().startsWith("t.yaml:9:5: jobs[0]: unknown key 'stauts'; expected one of ["), e.getMessage());
    }

    @Test
    void aShardedMongoDbWithoutShards_isRefused_andShardsOnAnotherEngineToo() {
        SeedException missing = assertThrows(SeedException.class, () -> SeedLoader.parse(
                "instances:\n  - {id: x, type: distributed_mongodb, engine: MONGODB_SHARDED, region: r}\n", "t.yaml"));
        assertEquals("t.yaml:2:5: instances[0]: 'shards' (1 to 1024) is required for a MONGODB_SHARDED instance "
                + "(rule R-SHARD-COUNT compares it)", missing.getMessage());
        SeedException zero = assertThrows(SeedException.class, () -> SeedLoader.parse(
                "instances:\n  - {id: x, type: distributed_mongodb, engine: MONGODB_SHARDED, region: r, shards: 0}\n", "t.yaml"));
        assertTrue(zero.getMessage().contains("'shards' (1 to 1024) is required"), zero.getMessage());
        SeedException other = assertThrows(SeedException.class, () -> SeedLoader.parse(
                "instances:\n  - {id: x, type: rds, engine: MYSQL, region: r, shards: 2}\n", "t.yaml"));
        assertEquals("t.yaml:2:5: instances[0]: 'shards' is for a MONGODB_SHARDED instance only, not MYSQL", other.getMessage());
        assertEquals(3, SeedLoader.parse("instances:\n  - {id: x, type: distributed_mongodb, engine: MONGODB_SHARDED, region: r, shards: 3}\n",
                "t.yaml").instances().get(0).shardCount());
    }

    @Test
    void engineTheTypeCannotRun_isRefused() {
        SeedException e = assertThrows(SeedException.class,
                () -> SeedLoader.parse("instances:\n  - {id: x, type: kafka, engine: MYSQL, region: r}\n", "t.yaml"));
        assertEquals("t.yaml:2:19: instances[0]: an instance of type kafka cannot run engine MYSQL", e.getMessage());
    }

    @Test
    void duplicateJobId_isRefusedAtTheSecond() {
        String twice = JOB + JOB.substring("jobs:\n".length()).replace("dts1", "dts2");
        SeedException e = assertThrows(SeedException.class, () -> SeedLoader.parse(twice, "t.yaml"));
        assertEquals("t.yaml:12:5: jobs[1]: 'dtsJobId' j1 is given twice", e.getMessage());
    }

    @Test
    void accessKeyInTwoAccounts_isRefused() {
        String yaml = """
                accounts:
                  - {id: "1", accessKeys: [{id: K, secret: a}]}
                  - {id: "2", accessKeys: [{id: K, secret: b}]}
                """;
        SeedException e = assertThrows(SeedException.class, () -> SeedLoader.parse(yaml, "t.yaml"));
        assertEquals("t.yaml:2:3: accounts: AccessKey K is given twice (accounts 1 and 2)", e.getMessage());
    }

    @Test
    void notYaml_failsWithThePositionOfTheSyntaxError() {
        SeedException e = assertThrows(SeedException.class, () -> SeedLoader.parse("jobs: [\n  {a: 1\n", "t.yaml"));
        assertTrue(e.getMessage().startsWith("t.yaml:3:1: not YAML or JSON: "), e.getMessage());
    }

    @Test
    void badValue_neverEchoesASecret() {
        SeedException e = assertThrows(SeedException.class,
                () -> SeedLoader.parse(JOB.replace("password: \"S3cret-Value\"", "password: \"S3cret-Value\", port: x"), "t.yaml"));
        assertEquals("t.yaml:10:111: jobs[0].source: 'port' must be a whole number, not 'x'", e.getMessage());
        assertTrue(!e.getMessage().contains("S3cret"));
    }

    @Test
    void missingFile_isNamed() {
        SeedException e = assertThrows(SeedException.class, () -> SeedLoader.loadFile("/nonexistent/seed.yaml"));
        assertEquals("/nonexistent/seed.yaml: no such file", e.getMessage());
    }

    @Test
    void oneEntryOnItsOwn_isCheckedLikeASeedEntry() {
        SeedException e = assertThrows(SeedException.class,
                () -> SeedLoader.instance("{\"id\": \"x\", \"type\": \"rds\", \"engine\": \"MYSQL\"}", "request body"));
        assertEquals("request body:1:1: instance: 'region' is missing", e.getMessage());
    }

    @Test
    void aKeyGivenTwice_isRefusedAtTheSecond_neverTheLastWins() {
        SeedException e = assertThrows(SeedException.class,
                () -> SeedLoader.parse(JOB.replace("    status: Migrating\n", "    status: Migrating\n    status: Running\n"), "t.yaml"));
        assertEquals("t.yaml:9:5: jobs[0]: key 'status' is given twice", e.getMessage());
        SeedException inJson = assertThrows(SeedException.class, () -> SeedLoader.instance(
                "{\"id\": \"x\", \"type\": \"rds\", \"engine\": \"MYSQL\", \"region\": \"r\", \"id\": \"y\"}", "request body"));
        assertEquals("request body:1:62: instance: key 'id' is given twice", inJson.getMessage());
    }

    @Test
    void anEnvironmentReference_isRefusedInADocumentSent_andReadOnlyFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String referring = JOB.replace("password: \"S3cret-Value\"", "password: \"${PATH}\"");
        SeedException e = assertThrows(SeedException.class, () -> SeedLoader.parse(referring, "request body"));
        assertEquals("request body:10:89: jobs[0].source: 'password' names environment variable PATH: ${...} is read only in seed "
                + "files at start (DTS_SEED_PATH), never in a document sent to the emulator", e.getMessage());
        java.nio.file.Path file = dir.resolve("seed.yaml");
        java.nio.file.Files.writeString(file, referring);
        assertTrue(SeedLoader.loadFile(file.toString()).jobs().get(0).source().password().matches(System.getenv("PATH")));
    }

    @Test
    void enumValues_areExactlyAsTheSpecWritesThem() {
        SeedException e = assertThrows(SeedException.class,
                () -> SeedLoader.parse("instances:\n  - {id: x, type: RDS, engine: MYSQL, region: r}\n", "t.yaml"));
        assertEquals("t.yaml:2:19: instances[0]: 'type' has unknown value 'RDS'; expected one of [rds, polardb, mongodb, "
                + "distributed_mongodb, greenplum, kafka, ecs, express, other]", e.getMessage());
        SeedException engine = assertThrows(SeedException.class,
                () -> SeedLoader.parse("instances:\n  - {id: x, type: rds, engine: mysql, region: r}\n", "t.yaml"));
        assertTrue(engine.getMessage().startsWith("t.yaml:2:32: instances[0]: 'engine' has unknown value 'mysql'"), engine.getMessage());
    }
}
