package dev.dtscontract.server.domain;


import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of the spec's x-rules that the domain owns, passing and failing, on the default seed. */
class ModifyDtsJobEndpointServiceTest {

    /** Answers as the edge gives them: a violation without a message of its own is answered with the spec's. */
    private static final dev.dtscontract.server.rpc.ErrorBodies ANSWERS =
            new dev.dtscontract.server.rpc.ErrorBodies(dev.dtscontract.spec.SpecContract.load());

    private Seed seed;
    private JobStore store;
    private ModifyDtsJobEndpointService service;

    @BeforeEach
    void freshSeed() {
        seed = SeedLoader.loadDefault();
        store = new InMemoryJobStore(seed.jobs());
        service = new ModifyDtsJobEndpointService(store, new InstanceCatalogue(seed.instances()), seed.accounts());
    }

    private Outcome modify(Commands c) {
        return service.modify(c.build());
    }

    private void assertViolation(String ruleId, ErrorCode code, Executable call) {
        RuleViolation v = assertThrows(RuleViolation.class, call);
        assertAll(() -> assertEquals(ruleId, v.ruleId()), () -> assertEquals(code, v.code(), v.getMessage()));
    }

    private DtsJob job(String id) {
        return store.findByJobId(id).orElseThrow();
    }

    @Test
    void documentedSample_passesThePrecheck() {
        Outcome outcome = modify(Commands.documentedSample());
        assertFalse(outcome.applied());
        assertEquals("m4312mab158****", outcome.job().dtsJobId());
    }

    @Nested
    class DryRun {
        @Test
        void dryRun_changesNothing() {
            DtsJob before = job("m4312mab158****");
            modify(Commands.documentedSample());
            assertEquals(before, job("m4312mab158****"));
        }

        @Test
        void dryRun_stillRunsEveryCheck() {
            Commands c = Commands.documentedSample();
            c.endpointInstanceId = "rm-doesnotexist";
            assertViolation("R-ENDPOINT-EXISTS", ErrorCode.ENDPOINT_INSTANCE_NOT_FOUND, () -> modify(c));
        }
    }

    @Nested
    class Apply {
        @Test
        void change_replacesTheEndpointAndBumpsTheVersion() {
            DtsJob before = job("m4312mab158****");
            Outcome outcome = modify(Commands.applied());
            assertTrue(outcome.applied());
            DtsJob after = job("m4312mab158****");
            assertEquals("rm-bp10k50h8374w****", after.source().instanceId());
            assertEquals(before.version() + 1, after.version());
            assertEquals(before.destination(), after.destination(), "the other side stays");
            assertEquals(before.status(), after.status());
        }

        @Test
        void change_rollsTheCheckpointBackTenSeconds() {
            DtsJob before = job("m4312mab158****");
            modify(Commands.applied());
            assertEquals(before.checkpoint().minusSeconds(10), job("m4312mab158****").checkpoint());
        }

        @Test
        void accountWithoutModifyAccount_isIgnored() {
            DtsJob before = job("m4312mab158****");
            modify(Commands.applied());
            assertEquals(before.source().username(), job("m4312mab158****").source().username());
            assertTrue(job("m4312mab158****").source().password().matches("Src#Demo0001"));
        }

        @Test
        void accountWithModifyAccount_isStored() {
            Commands c = Commands.applied();
            c.modifyAccount = true;
            modify(c);
            assertEquals("dtstest", job("m4312mab158****").source().username());
            assertTrue(job("m4312mab158****").source().password().matches("DTStest****"));
        }
    }

    @Nested
    class LocatingTheJob {
        @Test
        void neitherJobIdNorInstanceId_isMissingParameter() {
            Commands c = Commands.documentedSample();
            c.dtsInstanceId = null;
            assertViolation("R-JOB-ID", ErrorCode.MISSING_PARAMETER, () -> modify(c));
        }

        @Test
        void jobIdAlone_findsTheJob() {
            Commands c = Commands.documentedSample();
            c.dtsInstanceId = null;
            c.dtsJobId = "m4312mab158****";
            assertEquals("dtsaw012y2g15q****", modify(c).job().dtsInstanceId());
        }

        @Test
        void idsOfTwoDifferentJobs_areInvalid() {
            Commands c = Commands.documentedSample();
            c.dtsJobId = "j2wsync0000001";
            assertViolation("R-JOB-ID-MATCH", ErrorCode.INVALID_PARAMETER, () -> modify(c));
        }

        @Test
        void idsOfTheSameJob_areAccepted() {
            Commands c = Commands.documentedSample();
            c.dtsJobId = "m4312mab158****";
            assertFalse(modify(c).applied());
        }

        @Test
        void unknownJob_isNotFound() {
            Commands c = Commands.documentedSample();
            c.dtsInstanceId = "dtsnosuchjob";
            assertViolation("R-JOB-EXISTS", ErrorCode.JOB_NOT_FOUND, () -> modify(c));
        }

        @Test
        void otherRegion_isNotFound() {
            Commands c = Commands.documentedSample();
            c.regionId = "cn-shanghai";
            assertViolation("R-JOB-EXISTS", ErrorCode.JOB_NOT_FOUND, () -> modify(c));
        }

        @Test
        void otherResourceGroup_isNotFound() {
            Commands c = Commands.documentedSample();
            c.resourceGroupId = "rg-acfmother0002";
            assertViolation("R-JOB-EXISTS", ErrorCode.JOB_NOT_FOUND, () -> modify(c));
        }

        @Test
        void matchingResourceGroup_isAccepted() {
            Commands c = Commands.documentedSample();
            c.resourceGroupId = "rg-acfmzawhxxc****";
            assertFalse(modify(c).applied());
        }
    }

    @Nested
    class Direction_ {
        @Test
        void reverseOnAOneWayJob_isInvalid() {
            Commands c = Commands.documentedSample();
            c.direction = Direction.REVERSE;
            assertViolation("R-DIRECTION", ErrorCode.INVALID_DIRECTION, () -> modify(c));
        }

        @Test
        void reverseOnATwoWayJob_changesTheForwardDestination() {
            Commands c = Commands.forJob("j2wsync0000001");
            c.direction = Direction.REVERSE;
            c.side = JobSide.SOURCE; // the reverse task reads from the forward destination
            c.instanceType = InstanceType.RDS;
            c.endpointInstanceId = "rm-bp1alt0mysql0002";
            DtsJob before = job("j2wsync0000001");
            modify(c);
            assertEquals("rm-bp1alt0mysql0002", job("j2wsync0000001").destination().instanceId());
            assertEquals(before.source(), job("j2wsync0000001").source());
        }
    }

    @Nested
    class EndpointIdentity {
        @Test
        void cloudTypeWithoutInstanceId_isInvalidEndpoint() {
            Commands c = Commands.documentedSample();
            c.endpointInstanceId = null;
            assertViolation("R-ENDPOINT-IDENTITY", ErrorCode.INVALID_ENDPOINT, () -> modify(c));
        }

        @Test
        void ecsWithoutPort_isInvalidEndpoint() {
            Commands c = Commands.forJob("jecs0000000001");
            c.instanceType = InstanceType.ECS;
            c.endpointInstanceId = "i-bp1ecshost000001";
            assertViolation("R-ENDPOINT-IDENTITY", ErrorCode.INVALID_ENDPOINT, () -> modify(c));
        }

        @Test
        void ecsWithInstanceIdAndPort_isAccepted() {
            Commands c = Commands.forJob("jecs0000000001");
            c.instanceType = InstanceType.ECS;
            c.endpointInstanceId = "i-bp1ecshost000001";
            c.endpointPort = "3307";
            modify(c);
            assertEquals(3307, job("jecs0000000001").source().port());
        }

        @Test
        void expressWithoutIp_isInvalidEndpoint() {
            Commands c = Commands.forJob("jecs0000000001");
            c.instanceType = InstanceType.EXPRESS;
            c.endpointPort = "3306";
            assertViolation("R-ENDPOINT-IDENTITY", ErrorCode.INVALID_ENDPOINT, () -> modify(c));
        }

        @Test
        void otherWithIpAndPort_isAcceptedAndKeepsNoInstanceId() {
            Commands c = Commands.forJob("jecs0000000001");
            c.instanceType = InstanceType.OTHER;
            c.endpointIp = "203.0.113.7";
            c.endpointPort = "3306";
            modify(c);
            JobEndpoint source = job("jecs0000000001").source();
            assertEquals("203.0.113.7", source.ip());
            assertNull(source.instanceId());
        }

        @Test
        void portOutOfRange_isInvalidParameter() {
            for (String port : new String[] {"0", "65536", "80a", "-1"}) {
                Commands c = Commands.forJob("jecs0000000001");
                c.instanceType = InstanceType.OTHER;
                c.endpointIp = "203.0.113.7";
                c.endpointPort = port;
                assertViolation("R-PORT", ErrorCode.INVALID_PARAMETER, () -> modify(c));
            }
        }

        @Test
        void portsAtTheEdgesOfTheRange_areAccepted() {
            for (String port : new String[] {"1", "65535"}) {
                Commands c = Commands.forJob("jecs0000000001");
                c.instanceType = InstanceType.OTHER;
                c.endpointIp = "203.0.113.7";
                c.endpointPort = port;
                c.dryRun = true;
                assertFalse(modify(c).applied(), port);
            }
        }

        @Test
        void malformedIp_isInvalidParameter() {
            for (String ip : new String[] {"172.168.XX.XXX", "256.1.1.1", "example.com", "1.2.3"}) {
                Commands c = Commands.forJob("jecs0000000001");
                c.instanceType = InstanceType.OTHER;
                c.endpointIp = ip;
                c.endpointPort = "3306";
                assertViolation("R-IP", ErrorCode.INVALID_PARAMETER, () -> modify(c));
            }
        }

        @Test
        void ipv6_isAccepted() {
            Commands c = Commands.forJob("jecs0000000001");
            c.instanceType = InstanceType.EXPRESS;
            c.endpointIp = "2001:db8::10";
            c.endpointPort = "3306";
            c.dryRun = true;
            assertFalse(modify(c).applied());
        }
    }

    @Nested
    class EndpointFit {
        @Test
        void unknownInstance_isNotFound() {
            Commands c = Commands.documentedSample();
            c.endpointInstanceId = "rm-nosuchinstance";
            assertViolation("R-ENDPOINT-EXISTS", ErrorCode.ENDPOINT_INSTANCE_NOT_FOUND, () -> modify(c));
        }

        @Test
        void instanceInAnotherRegionThanEndpointRegionId_isNotFound() {
            Commands c = Commands.documentedSample();
            c.endpointRegionId = "cn-shanghai";
            assertViolation("R-ENDPOINT-EXISTS", ErrorCode.ENDPOINT_INSTANCE_NOT_FOUND, () -> modify(c));
        }

        @Test
        void instanceOfAnotherTypeThanRequested_isInvalidEndpoint() {
            Commands c = Commands.documentedSample();
            c.instanceType = InstanceType.POLARDB;
            assertViolation("R-ENDPOINT-ENGINE", ErrorCode.INVALID_ENDPOINT, () -> modify(c));
        }

        @Test
        void sqlServerSource_isReplacedByAnotherSqlServerInstance() {
            Commands c = Commands.forJob("jmssql00000001");
            c.endpointInstanceId = "rm-bp1mssql0000002";
            modify(c);
            assertEquals("rm-bp1mssql0000002", job("jmssql00000001").source().instanceId());
            assertEquals(Engine.SQLSERVER, job("jmssql00000001").source().engine());
        }

        @Test
        void sqlServerSource_isNotReplacedByMySql_norMySqlBySqlServer() {
            Commands c = Commands.forJob("jmssql00000001");
            c.endpointInstanceId = "rm-bp1alt0mysql0002";
            assertViolation("R-ENDPOINT-ENGINE", ErrorCode.INVALID_ENDPOINT, () -> modify(c));
            Commands d = Commands.documentedSample();
            d.endpointInstanceId = "rm-bp1mssql0000002";
            assertViolation("R-ENDPOINT-ENGINE", ErrorCode.INVALID_ENDPOINT, () -> modify(d));
        }

        @Test
        void engineOfAnotherFamily_isInvalidEndpoint() {
            Commands c = Commands.documentedSample();
            c.endpointInstanceId = "pgm-bp1pgnew000001";
            c.database = "orders";
            assertViolation("R-ENDPOINT-ENGINE", ErrorCode.INVALID_ENDPOINT, () -> modify(c));
        }

        @Test
        void polarDbMySqlReplacingRdsMySql_isAccepted() {
            Commands c = Commands.documentedSample();
            c.instanceType = InstanceType.POLARDB;
            c.endpointInstanceId = "pc-bp1polarmysql001";
            assertFalse(modify(c).applied());
        }

        @Test
        void distributedMongoDbAsDestination_isInvalidEndpoint() {
            Commands c = Commands.forJob("jmongoshard0001");
            c.side = JobSide.DESTINATION;
            c.instanceType = InstanceType.DISTRIBUTED_MONGODB;
            c.endpointInstanceId = "dds-bp1shard4b0001";
            c.database = "admin";
            assertViolation("R-DISTRIBUTED-MONGODB-SOURCE", ErrorCode.INVALID_ENDPOINT, () -> modify(c));
        }

        @Test
        void kafkaDestinationReplacedByKafka_isAccepted() {
            Commands c = Commands.forJob("jkafka00000001");
            c.side = JobSide.DESTINATION;
            c.instanceType = InstanceType.KAFKA;
            c.endpointInstanceId = "alikafka-cn-hz0002";
            modify(c);
            assertEquals("alikafka-cn-hz0002", job("jkafka00000001").destination().instanceId());
        }
    }

    @Nested
    class MongoDbShards {
        private Commands shardedSource(String instanceId) {
            Commands c = Commands.forJob("jmongoshard0001");
            c.instanceType = InstanceType.DISTRIBUTED_MONGODB;
            c.endpointInstanceId = instanceId;
            c.database = "admin";
            return c;
        }

        @Test
        void sameShardCount_isAccepted() {
            modify(shardedSource("dds-bp1shard4b0001"));
            assertEquals("dds-bp1shard4b0001", job("jmongoshard0001").source().instanceId());
        }

        @Test
        void otherShardCount_isShardCountMismatch() {
            assertViolation("R-SHARD-COUNT", ErrorCode.SHARD_COUNT_MISMATCH, () -> modify(shardedSource("dds-bp1shard2c0001")));
        }

        @Test
        void aClusterTheEmulatorCannotCount_isRefused_neverPassed() {
            List<DatabaseInstance> catalogued = new java.util.ArrayList<>(seed.instances());
            // The new cluster with no count (a catalogue built in code: the seed refuses it), then the old one missing.
            catalogued.replaceAll(i -> i.id().equals("dds-bp1shard4b0001")
                    ? new DatabaseInstance(i.id(), i.type(), i.engine(), i.region(), 0) : i);
            service = new ModifyDtsJobEndpointService(store, new InstanceCatalogue(catalogued), seed.accounts());
            RuleViolation unknownNew = assertThrows(RuleViolation.class, () -> modify(shardedSource("dds-bp1shard4b0001")));
            assertEquals("R-SHARD-COUNT", unknownNew.ruleId());
            assertEquals("The number of shards of dds-bp1shard4b0001 is not known, so the shard counts cannot be compared.",
                    unknownNew.getMessage());
            catalogued.removeIf(i -> i.id().equals("dds-bp1shard4a0001"));
            service = new ModifyDtsJobEndpointService(store, new InstanceCatalogue(catalogued), seed.accounts());
            RuleViolation unknownOld = assertThrows(RuleViolation.class, () -> modify(shardedSource("dds-bp1shard2c0001")));
            assertTrue(unknownOld.getMessage().contains("dds-bp1shard4a0001 is not known"), unknownOld.getMessage());
            assertEquals("dds-bp1shard4a0001", job("jmongoshard0001").source().instanceId(), "nothing changed");
        }

        @Test
        void modifyAccountOnShardedSourceWithoutShardAccount_isMissingParameter() {
            Commands c = shardedSource("dds-bp1shard4b0001");
            c.modifyAccount = true;
            c.username = "root";
            c.password = "New#Pass01";
            assertViolation("R-SHARD-ACCOUNT", ErrorCode.MISSING_PARAMETER, () -> modify(c));
        }

        @Test
        void modifyAccountOnShardedSourceWithShardAccount_storesIt() {
            Commands c = shardedSource("dds-bp1shard4b0001");
            c.modifyAccount = true;
            c.username = "root";
            c.password = "New#Pass01";
            c.shardUsername = "shard2";
            c.shardPassword = "New#Shard01";
            modify(c);
            JobEndpoint source = job("jmongoshard0001").source();
            assertEquals("shard2", source.shardUsername());
            assertTrue(source.shardPassword().matches("New#Shard01"));
        }

        @Test
        void shardAccountForAReplicaSet_isIgnored() {
            Commands c = Commands.forJob("jmongoshard0001");
            c.side = JobSide.DESTINATION;
            c.instanceType = InstanceType.MONGODB;
            c.endpointInstanceId = "dds-bp1shard4d0001";
            c.database = "admin";
            c.modifyAccount = true;
            c.username = "root";
            c.password = "New#Pass01";
            c.shardUsername = "ignored";
            c.shardPassword = "ignored";
            modify(c);
            assertNull(job("jmongoshard0001").destination().shardUsername());
        }
    }

    @Nested
    class Accounts {
        @Test
        void modifyAccountWithoutUsername_isMissingParameter() {
            Commands c = Commands.documentedSample();
            c.modifyAccount = true;
            c.username = null;
            assertViolation("R-ACCOUNT-REQUIRED", ErrorCode.MISSING_PARAMETER, () -> modify(c));
        }

        @Test
        void modifyAccountWithoutPassword_isMissingParameter() {
            Commands c = Commands.documentedSample();
            c.modifyAccount = true;
            c.password = null;
            assertViolation("R-ACCOUNT-REQUIRED", ErrorCode.MISSING_PARAMETER, () -> modify(c));
        }

        @Test
        void violationMessages_neverContainThePassword() {
            Commands c = Commands.documentedSample();
            c.endpointInstanceId = "rm-nosuchinstance";
            c.password = "TopSecret#123";
            RuleViolation v = assertThrows(RuleViolation.class, () -> modify(c));
            assertFalse(ANSWERS.message(v).contains("TopSecret"));
            assertFalse(c.build().toString().contains("TopSecret"), "commands print no secret");
        }
    }

    @Nested
    class Database {
        @Test
        void postgreSqlWithoutDatabase_isMissingParameter() {
            Commands c = Commands.forJob("jpgok000000001");
            c.endpointInstanceId = "pgm-bp1pgsrc000001";
            assertViolation("R-DATABASE", ErrorCode.MISSING_PARAMETER, () -> modify(c));
        }

        @Test
        void postgreSqlWithDatabase_isStored() {
            Commands c = Commands.forJob("jpgok000000001");
            c.endpointInstanceId = "pgm-bp1pgsrc000001";
            c.database = "orders2";
            modify(c);
            assertEquals("orders2", job("jpgok000000001").source().database());
        }

        @Test
        void analyticDbWithoutDatabase_isMissingParameter() {
            Commands c = Commands.forJob("jpglag00000001");
            c.side = JobSide.DESTINATION;
            c.instanceType = InstanceType.GREENPLUM;
            c.endpointInstanceId = "gp-bp1adbpg0000001";
            assertViolation("R-DATABASE", ErrorCode.MISSING_PARAMETER, () -> modify(c));
        }

        @Test
        void databaseForMySql_isIgnored() {
            Commands c = Commands.applied();
            c.database = "ignored";
            modify(c);
            assertNull(job("m4312mab158****").source().database());
        }
    }

    @Nested
    class PostgreSqlLatency {
        @Test
        void sourcePostgreSqlAtFortyFiveSecondsLatency_isRefused() {
            Commands c = Commands.forJob("jpglag00000001");
            c.endpointInstanceId = "pgm-bp1pgnew000001";
            c.database = "orders";
            assertViolation("R-POSTGRESQL-LATENCY", ErrorCode.LATENCY_TOO_HIGH, () -> modify(c));
        }

        @Test
        void sourcePostgreSqlAtThirtySecondsLatency_isRefused_at29ItIsChecked() {
            DtsJob lagging = job("jpglag00000001");
            for (int latency : new int[] {30, 29}) {
                store.put(new DtsJob(lagging.dtsJobId(), lagging.dtsInstanceId(), lagging.regionId(), lagging.resourceGroupId(),
                        lagging.ownerAccountId(), lagging.kind(), lagging.status(), latency, lagging.checkpoint(), lagging.source(),
                        lagging.destination(), lagging.version(), null));
                Commands c = Commands.forJob("jpglag00000001");
                c.endpointInstanceId = "pgm-bp1pgnew000001";
                c.database = "orders";
                c.dryRun = true;
                if (latency == 30) {
                    assertViolation("R-POSTGRESQL-LATENCY", ErrorCode.LATENCY_TOO_HIGH, () -> modify(c));
                } else {
                    assertFalse(modify(c).applied());
                }
            }
        }

        @Test
        void sourcePostgreSqlAtFiveSecondsLatency_isChanged() {
            Commands c = Commands.forJob("jpgok000000001");
            c.endpointInstanceId = "pc-bp1polarpg00001";
            c.instanceType = InstanceType.POLARDB;
            c.database = "orders";
            modify(c);
            assertEquals(Engine.POLARDB_POSTGRESQL, job("jpgok000000001").source().engine());
        }

        @Test
        void destinationOfALaggingPostgreSqlJob_canStillChange() {
            Commands c = Commands.forJob("jpglag00000001");
            c.side = JobSide.DESTINATION;
            c.instanceType = InstanceType.GREENPLUM;
            c.endpointInstanceId = "gp-bp1adbpg0000001";
            c.database = "dw2";
            modify(c);
            assertEquals("dw2", job("jpglag00000001").destination().database());
        }
    }

    @Nested
    class CrossAccount {
        @Test
        void aliyunUidWithoutRoleName_isMissingParameter() {
            Commands c = Commands.documentedSample();
            c.aliyunUid = "1507800203002222";
            assertViolation("R-ROLE-NAME", ErrorCode.MISSING_PARAMETER, () -> modify(c));
        }

        private Commands otherAccountsJob() {
            Commands c = Commands.forJob("jshanghai00001");
            c.regionId = "cn-shanghai";
            c.endpointInstanceId = "rm-uf6mysql0000002";
            c.dryRun = true;
            return c;
        }

        @Test
        void anotherAccountsJob_isNoPermission() {
            assertViolation("R-CROSS-ACCOUNT", ErrorCode.NO_PERMISSION, () -> modify(otherAccountsJob()));
        }

        @Test
        void anotherAccountsJobWithAGrantedRole_isAllowed() {
            Commands c = otherAccountsJob();
            c.aliyunUid = "1507800203002222";
            c.roleName = "ram-for-dts";
            assertFalse(modify(c).applied());
        }

        @Test
        void anotherAccountsJobWithARoleNotGranted_isNoPermission() {
            Commands c = otherAccountsJob();
            c.aliyunUid = "1507800203002222";
            c.roleName = "ram-not-granted";
            assertViolation("R-CROSS-ACCOUNT", ErrorCode.NO_PERMISSION, () -> modify(c));
        }

        @Test
        void grantedRoleNamingAnotherOwner_isNoPermission() {
            Commands c = otherAccountsJob();
            c.aliyunUid = "1507800203009999";
            c.roleName = "ram-for-dts";
            assertViolation("R-CROSS-ACCOUNT", ErrorCode.NO_PERMISSION, () -> modify(c));
        }

        @Test
        void ownersOwnJob_needsNoRole() {
            Commands c = otherAccountsJob();
            c.caller = new Actor.Account("1507800203002222", "LTAI5tTestCallerKey0001");
            assertFalse(modify(c).applied());
        }

        @Test
        void authenticationOff_actsAsTheOwner() {
            Commands c = otherAccountsJob();
            c.caller = Actor.AuthenticationOff.ANYONE;
            assertFalse(modify(c).applied());
        }

        @Test
        void aliyunUidWithRoleName_isStoredOnTheEndpoint() {
            Commands c = Commands.applied();
            c.aliyunUid = "1507800203002222";
            c.roleName = "ram-for-dts";
            modify(c);
            assertEquals("ram-for-dts", job("m4312mab158****").source().roleName());
            assertEquals("1507800203002222", job("m4312mab158****").source().aliyunUid());
        }
    }
}
