package dev.dtscontract.server.domain;

import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrentModificationTest {

    private static final int THREADS = 16;
    private static final int CHANGES_PER_THREAD = 500;

    @Test
    void concurrentChangesOfOneJob_areAllCountedInItsVersion() throws Exception {
        Seed seed = SeedLoader.loadDefault();
        JobStore store = new InMemoryJobStore(seed.jobs());
        ModifyDtsJobEndpointService service = new ModifyDtsJobEndpointService(store, new InstanceCatalogue(seed.instances()), seed.accounts());
        DtsJob before = store.findByJobId("m4312mab158****").orElseThrow();
        AtomicInteger acknowledged = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < CHANGES_PER_THREAD; i++) {
                    Commands c = Commands.applied();
                    c.endpointInstanceId = (thread + i) % 2 == 0 ? "rm-bp10k50h8374w****" : "rm-bp1alt0mysql0002";
                    if (service.modify(c.build()).applied()) {
                        acknowledged.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

        DtsJob after = store.findByJobId("m4312mab158****").orElseThrow();
        assertEquals(THREADS * CHANGES_PER_THREAD, acknowledged.get());
        assertEquals(before.version() + acknowledged.get(), after.version(), "a lost update would leave the version short");
        assertEquals(before.checkpoint().minusSeconds(10L * acknowledged.get()), after.checkpoint());
    }

    /**
     * What whenApplied records (the job's history) is recorded inside the job's atomic update: in version order, each
     * change once, whatever runs concurrently, even when recording takes time (a sleep widens any window between the
     * update and the record, which is what put the history out of order when it was recorded after the update).
     */
    @Test
    void whatWhenAppliedRecords_isInVersionOrder_andHasTheSideThePrecheckFound() throws Exception {
        Seed seed = SeedLoader.loadDefault();
        JobStore store = new InMemoryJobStore(seed.jobs());
        ModifyDtsJobEndpointService service = new ModifyDtsJobEndpointService(store, new InstanceCatalogue(seed.instances()), seed.accounts());
        long first = store.findByJobId("m4312mab158****").orElseThrow().version() + 1;
        List<Long> recorded = new ArrayList<>(); // deliberately unsynchronised: the job's atomic update is the only guard
        List<JobSide> sides = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 25; i++) {
                    Commands c = Commands.applied();
                    c.endpointInstanceId = (thread + i) % 2 == 0 ? "rm-bp10k50h8374w****" : "rm-bp1alt0mysql0002";
                    service.modify(c.build(), applied -> {
                        assertEquals(applied.before().version() + 1, applied.after().version());
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        recorded.add(applied.after().version());
                        sides.add(applied.side());
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(200, recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            assertEquals(first + i, recorded.get(i), "recorded out of version order: " + recorded);
        }
        assertTrue(sides.stream().allMatch(JobSide.SOURCE::equals), "Endpoint=src replaces the source: " + sides);
    }

    @Test
    void aRecorderThatFails_leavesTheJobAsItWas() {
        Seed seed = SeedLoader.loadDefault();
        JobStore store = new InMemoryJobStore(seed.jobs());
        ModifyDtsJobEndpointService service = new ModifyDtsJobEndpointService(store, new InstanceCatalogue(seed.instances()), seed.accounts());
        DtsJob before = store.findByJobId("m4312mab158****").orElseThrow();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> service.modify(Commands.applied().build(), applied -> {
            throw new IllegalStateException("the history could not be written");
        }));
        assertEquals(before, store.findByJobId("m4312mab158****").orElseThrow());
    }
}
