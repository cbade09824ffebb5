package dev.dtscontract.server.domain;

import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain's small values and stores: what each answers, exactly. */
class DomainValuesTest {

    private final Seed seed = SeedLoader.loadDefault();

    @Test
    void secret_matchesOnlyItsValue_andNeverPrintsIt() {
        Secret secret = Secret.of("p4ss-w0rd");
        assertTrue(secret.matches("p4ss-w0rd"));
        assertFalse(secret.matches("p4ss-w0rd "));
        assertEquals("******", secret.toString());
        assertNull(Secret.of(null));
    }

    @Test
    void postgreSqlEngines_areThePostgreSqlFamilyOnly() {
        Set<Engine> postgres = EnumSet.noneOf(Engine.class);
        for (Engine e : Engine.values()) {
            if (e.isPostgreSql()) postgres.add(e);
        }
        assertEquals(EnumSet.of(Engine.POSTGRESQL, Engine.POLARDB_POSTGRESQL), postgres, "AnalyticDB for PostgreSQL is its own family");
    }

    @Test
    void onlyAnInjectedFault_isAFault() {
        assertTrue(new RuleViolation(RuleViolation.FAULT, ErrorCode.values()[0], "injected").isFault());
        assertFalse(RuleViolation.missing("R-REQUIRED", "Endpoint").isFault());
    }

    @Test
    void jobStore_findsByEitherId_updatesInPlace_andKeepsTheInstanceIdIndexRight() {
        InMemoryJobStore store = new InMemoryJobStore(seed.jobs());
        assertEquals(seed.jobs().size(), store.all().size());
        DtsJob job = store.findByJobId("m4312mab158****").orElseThrow();
        assertSame(job, store.findByInstanceId(job.dtsInstanceId()).orElseThrow());

        DtsJob moved = new DtsJob(job.dtsJobId(), "dtsnewinstance01", job.regionId(), job.resourceGroupId(), job.ownerAccountId(),
                job.kind(), job.status(), job.latencySeconds(), job.checkpoint(), job.source(), job.destination(), job.version(), null);
        store.put(moved);
        assertSame(moved, store.findByInstanceId("dtsnewinstance01").orElseThrow());
        assertTrue(store.findByInstanceId(job.dtsInstanceId()).isEmpty(), "the old instance id no longer names the job");

        DtsJob other = store.all().stream().filter(j -> !j.dtsJobId().equals(job.dtsJobId())).findFirst().orElseThrow();
        DtsJob thief = new DtsJob(other.dtsJobId(), "dtsnewinstance01", other.regionId(), other.resourceGroupId(), other.ownerAccountId(),
                other.kind(), other.status(), other.latencySeconds(), other.checkpoint(), other.source(), other.destination(), other.version(), null);
        assertEquals("DtsInstanceId dtsnewinstance01 belongs to job m4312mab158****",
                assertThrows(IllegalArgumentException.class, () -> store.put(thief)).getMessage());
        store.put(other); // the same job again: no conflict with itself

        DtsJob updated = store.update(job.dtsJobId(), j -> j.withEndpoint(JobSide.SOURCE, j.destination(), java.time.Instant.EPOCH));
        assertSame(updated, store.findByJobId(job.dtsJobId()).orElseThrow());
        assertEquals(job.version() + 1, updated.version());
        assertThrows(NoSuchElementException.class, () -> store.update("jnosuchjob00001", j -> j));
    }

    @Test
    void instanceCatalogue_listsEveryInstance() {
        InstanceCatalogue catalogue = new InstanceCatalogue(seed.instances());
        assertEquals(seed.instances().size(), catalogue.all().size());
        assertTrue(catalogue.all().containsAll(seed.instances()));
    }
}
