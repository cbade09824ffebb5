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
}
