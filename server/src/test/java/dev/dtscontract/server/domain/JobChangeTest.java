package dev.dtscontract.server.domain;

import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a job's history keeps of an applied change (JobChange.of), and a job read back at a version (DtsJob.at). */
class JobChangeTest {

    private static final Instant AT = Instant.parse("2026-12-05T08:00:00Z");

    private static AppliedChange apply(Commands c) {
        Seed seed = SeedLoader.loadDefault();
        List<AppliedChange> seen = new ArrayList<>();
        new ModifyDtsJobEndpointService(new InMemoryJobStore(seed.jobs()), new InstanceCatalogue(seed.instances()), seed.accounts(),
                seen::add, ChangeSettling.immediate()).modify(c.build());
        assertEquals(1, seen.size());
        return seen.get(0);
    }

    @Test
    void anAppliedChange_isKeptByName_everyValueFromTheChangeItself() {
        Commands c = Commands.applied();
        c.direction = Direction.FORWARD;
        AppliedChange applied = apply(c);
        JobChange change = JobChange.of(applied, AT);
        assertEquals(2, change.version());
        assertEquals("0D0E9C70-5B3A-4C4E-9A34-000000000001", change.requestId());
        assertEquals(AT, change.time());
        assertEquals(applied.side(), change.side());
        assertEquals("Forward", change.synchronizationDirection());
        assertEquals("LTAI5tTestCallerKey0001", change.accessKeyId());
        assertSame(applied.before().endpoint(applied.side()), change.replaced());
        assertSame(applied.after().endpoint(applied.side()), change.replacement());
        assertEquals("rm-bp10k50h8374w****", change.replacement().instanceId());
    }

    @Test
    void toBuilder_keepsEveryValue_andChangesOnlyTheOneNamed() {
        Commands c = Commands.applied();
        c.direction = Direction.FORWARD;
        JobChange change = JobChange.of(apply(c), AT);
        assertEquals(change, change.toBuilder().build());
        JobChange without = change.toBuilder().replaced(null).build();
        assertNull(without.replaced());
        assertEquals(new JobChange(change.version(), change.requestId(), change.time(), change.side(),
                change.synchronizationDirection(), change.accessKeyId(), null, change.replacement()), without);
    }

    @Test
    void theDirection_isAbsentWhenNotAsked() {
        assertNull(JobChange.of(apply(Commands.applied()), AT).synchronizationDirection());
    }

    @Test
    void withoutAuthentication_noAccessKeyIsRecorded() {
        Commands c = Commands.applied();
        c.caller = Actor.AuthenticationOff.ANYONE;
        assertNull(JobChange.of(apply(c), AT).accessKeyId());
    }

    @Test
    void aJobAtAVersion_keepsEverythingElse_andRefusesAVersionBelowOne() {
        DtsJob seeded = SeedLoader.loadDefault().jobs().get(0);
        DtsJob at = seeded.at(5, AT);
        assertEquals(5, at.version());
        assertEquals(AT, at.modifyingUntil());
        assertEquals(seeded, at.at(1, null), "only the version and the settle time differ");
        assertEquals(1, seeded.at(1, null).version());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> seeded.at(0, null));
        assertEquals("a job's version is at least 1, not 0", refused.getMessage());
    }
}
