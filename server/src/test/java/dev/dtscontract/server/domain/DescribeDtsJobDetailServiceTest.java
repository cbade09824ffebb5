package dev.dtscontract.server.domain;

import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** DescribeDtsJobDetail's rules on the default seed: R-JOB-ID-MATCH, R-JOB-EXISTS, R-READ-VISIBLE, R-DIRECTION, R-READ-STATUS. */
class DescribeDtsJobDetailServiceTest {

    /** Answers as the edge gives them: a violation without a message of its own is answered with the spec's. */
    private static final dev.dtscontract.server.rpc.ErrorBodies ANSWERS =
            new dev.dtscontract.server.rpc.ErrorBodies(dev.dtscontract.spec.SpecContract.load());

    private static final Actor OWNER = new Actor.Account("1507800203001111", "LTAI5tDemoAccessKey0001");
    private static final Actor OTHER = new Actor.Account("1507800203002222", "LTAI5tOtherAccessKey001");
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private JobStore store;
    private Seed seed;
    private MovableClock clock;
    private DescribeDtsJobDetail reader;

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void freshSeed() {
        seed = SeedLoader.loadDefault();
        store = new InMemoryJobStore(seed.jobs());
        clock = new MovableClock();
        reader = new DescribeDtsJobDetailService(store, clock);
    }

    private static JobReference.Builder job(String id) {
        return JobReference.builder().dtsJobId(id);
    }

    private static RuleViolation refused(Runnable call) {
        return assertThrows(RuleViolation.class, call::run);
    }

    @Test
    void theSeededJobOfTheDocument_readsAsItIs_forward() {
        DtsJob job = store.findByJobId("ta7w132u12h****").orElseThrow();
        JobDetail detail = reader.describe(job("ta7w132u12h****").dtsInstanceId("DtsInstanceID", "dtsta7w132u12h****")
                .regionId("cn-hangzhou").build(), OWNER);
        assertAll(
                () -> assertSame(job, detail.job()),
                () -> assertEquals("Synchronizing", detail.status()),
                () -> assertEquals(Direction.FORWARD, detail.direction()),
                () -> assertSame(job.source(), detail.source()),
                () -> assertSame(job.destination(), detail.destination()));
    }

    @Test
    void theReverseTask_ofATwoWaySynchronization_swapsTheEndpoints_aOneWayJobHasNone() {
        DtsJob twoWay = store.findByJobId("j2wsync0000001").orElseThrow();
        JobDetail reverse = reader.describe(job("j2wsync0000001").direction(Direction.REVERSE).build(), OWNER);
        assertAll(
                () -> assertEquals(Direction.REVERSE, reverse.direction()),
                () -> assertSame(twoWay.destination(), reverse.source()),
                () -> assertSame(twoWay.source(), reverse.destination()));
        RuleViolation v = refused(() -> reader.describe(job("ta7w132u12h****").direction(Direction.REVERSE).build(), OWNER));
        assertEquals("R-DIRECTION", v.ruleId());
        assertEquals(ErrorCode.INVALID_DIRECTION, v.code());
    }

    @Test
    void anotherAccountsJob_isNotFound_asIfItDidNotExist_authenticationOffSeesIt() {
        RuleViolation v = refused(() -> reader.describe(job("ta7w132u12h****").build(), OTHER));
        assertEquals("R-READ-VISIBLE", v.ruleId());
        assertEquals(ErrorCode.JOB_NOT_FOUND, v.code());
        assertEquals("The specified DTS job does not exist.", ANSWERS.message(v));
        assertEquals("ta7w132u12h****", reader.describe(job("ta7w132u12h****").build(), Actor.AuthenticationOff.ANYONE).job().dtsJobId());
    }

    @Test
    void aJobNotThere_orElsewhere_orNamedTwoWays_isRefusedByItsRule() {
        assertEquals("R-JOB-EXISTS", refused(() -> reader.describe(job("nosuchjob00001").build(), OWNER)).ruleId());
        assertEquals("R-JOB-EXISTS", refused(() -> reader.describe(job("ta7w132u12h****").regionId("cn-shanghai").build(), OWNER)).ruleId());
        assertEquals("R-JOB-EXISTS", refused(() -> reader.describe(job("ta7w132u12h****").resourceGroupId("rg-other").build(), OWNER)).ruleId());
        RuleViolation mismatch = refused(() -> reader.describe(job("ta7w132u12h****").dtsInstanceId("DtsInstanceID", "dtsmssql000001").build(), OWNER));
        assertEquals("R-JOB-ID-MATCH", mismatch.ruleId());
        assertEquals("The specified parameter \"DtsInstanceID\" is not valid: DtsJobId and DtsInstanceID identify different jobs.",
                mismatch.getMessage());
    }

    @Test
    void anAppliedChange_readsModifying_untilItSettlesOnTheClock_thenTheStatusBefore_withTheNewEndpointAndCheckpointAtOnce() {
        DtsJob before = store.findByJobId("ta7w132u12h****").orElseThrow();
        ModifyDtsJobEndpoint modify = new ModifyDtsJobEndpointService(store, new InstanceCatalogue(seed.instances()), seed.accounts(),
                ChangeObserver.NONE, new ChangeSettling(clock, Duration.ofSeconds(30)));
        modify.modify(ModifyEndpointCommand.builder().actor(OWNER).dtsJobId("ta7w132u12h****").side(JobSide.SOURCE)
                .instanceType(InstanceType.RDS).endpointInstanceId("rm-bp1alt0mysql0002").build());
        JobReference reference = job("ta7w132u12h****").build();
        JobDetail changing = reader.describe(reference, OWNER);
        assertAll(
                () -> assertEquals("Modifying", changing.status()),
                () -> assertEquals("rm-bp1alt0mysql0002", changing.source().instanceId()),
                () -> assertEquals(before.checkpoint().minusSeconds(10), changing.job().checkpoint()),
                () -> assertEquals("Synchronizing", changing.job().status(), "the status it returns to is kept"));
        clock.now = T0.plusSeconds(29);
        assertEquals("Modifying", reader.describe(reference, OWNER).status());
        clock.now = T0.plusSeconds(30);
        assertEquals("Synchronizing", reader.describe(reference, OWNER).status());
    }

    @Test
    void aDryRun_changesNoStatus() {
        ModifyDtsJobEndpoint modify = new ModifyDtsJobEndpointService(store, new InstanceCatalogue(seed.instances()), seed.accounts(),
                ChangeObserver.NONE, new ChangeSettling(clock, Duration.ofSeconds(30)));
        modify.modify(ModifyEndpointCommand.builder().actor(OWNER).dtsJobId("ta7w132u12h****").side(JobSide.SOURCE)
                .instanceType(InstanceType.RDS).endpointInstanceId("rm-bp1alt0mysql0002").dryRun(true).build());
        assertEquals("Synchronizing", reader.describe(job("ta7w132u12h****").build(), OWNER).status());
    }

    @Test
    void settling_refusesANegativeTime_zeroNeverShowsModifying() {
        assertThrows(IllegalArgumentException.class, () -> new ChangeSettling(clock, Duration.ofSeconds(-1)));
        assertEquals(T0, new ChangeSettling(clock, Duration.ZERO).settledAt());
        assertEquals("Synchronizing", store.findByJobId("ta7w132u12h****").orElseThrow().withEndpoint(JobSide.SOURCE,
                store.findByJobId("ta7w132u12h****").orElseThrow().source(), T0).statusAt(T0));
    }
}
