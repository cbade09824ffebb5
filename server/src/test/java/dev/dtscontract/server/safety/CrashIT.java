package dev.dtscontract.server.safety;

import dev.dtscontract.server.auth.TestSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C-DURABLE under crashes: concurrent writers (applied changes, control-API changes, the clock, signed dry runs) log
 * every answer they got while the emulator is killed with SIGKILL at random moments, then restarted on the same data
 * directory. After every restart: no acknowledged change lost, no change present that was never attempted, no replay of
 * an acknowledged request accepted, the clock never behind what was acknowledged. The kills' seed is printed; run again
 * with {@code -Ddts.crash.seed=N} to replay a run's timing.
 */
class CrashIT {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String JOB = "m4312mab158****";
    private static final List<String> SOURCES = List.of("rm-bp10k50h8374w****", "rm-bp1alt0mysql0002");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+),\"history\"");
    private static final Pattern ADVANCED = Pattern.compile("\"advancedSeconds\":(\\d+)");
    private static final int KILLS = 5;

    @TempDir
    Path data;

    /** What the writers attempted and what was acknowledged (a complete 200), across every run. */
    private final AtomicLong changesAttempted = new AtomicLong();
    private final AtomicLong changesAcknowledged = new AtomicLong();
    private final Set<String> instancesAttempted = ConcurrentHashMap.newKeySet();
    private final Set<String> instancesAcknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong clockAcknowledged = new AtomicLong();
    private final List<String> answeredRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Test
    void killedAtRandomMoments_losesNothingAcknowledged_addsNothingUnattempted_acceptsNoReplay() throws Exception {
        long seed = Long.getLong("dts.crash.seed", System.nanoTime());
        System.out.println("CrashIT seed " + seed + " (replay the kills' timing with -Ddts.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        Map<String, String> env = Map.of("DTS_DATA_DIR", data.toString());
        for (int kill = 1; kill <= KILLS; kill++) {
            try (EmulatorProcess emulator = new EmulatorProcess(env)) {
                check(emulator, kill - 1);
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> writers = List.of(
                        writer("changes", running, () -> change(emulator)),
                        writer("instances", running, () -> instance(emulator, random)),
                        writer("clock", running, () -> clock(emulator)),
                        writer("dry runs 1", running, () -> dryRun(emulator)),
                        writer("dry runs 2", running, () -> dryRun(emulator)));
                writers.forEach(Thread::start);
                Thread.sleep(300 + random.nextInt(1200));
                emulator.kill();
                running.set(false);
                for (Thread w : writers) {
                    w.join(30_000);
                }
            }
        }
        try (EmulatorProcess emulator = new EmulatorProcess(env)) {
            check(emulator, KILLS);
        }
        assertEquals(List.of(), failures, "a write answered otherwise than documented");
        assertTrue(changesAcknowledged.get() > 0 && !instancesAcknowledged.isEmpty() && clockAcknowledged.get() > 0,
                "every kind of write was acknowledged at least once: " + changesAcknowledged + " changes, "
                        + instancesAcknowledged.size() + " instances, clock " + clockAcknowledged);
    }

    /** What a restart must show, after {@code kills} kills. */
    private void check(EmulatorProcess emulator, int kills) throws Exception {
        String job = emulator.get("/_emulator/jobs/m4312mab158%2A%2A%2A%2A").body();
        Matcher v = VERSION.matcher(job);
        assertTrue(v.find(), job);
        long applied = Long.parseLong(v.group(1)) - 1;
        assertTrue(applied >= changesAcknowledged.get(), "after " + kills + " kills: " + applied + " changes applied, "
                + changesAcknowledged + " acknowledged: an acknowledged change was lost");
        assertTrue(applied <= changesAttempted.get(), "after " + kills + " kills: " + applied + " changes applied, only "
                + changesAttempted + " attempted");
        String instances = emulator.get("/_emulator/instances").body();
        for (String id : instancesAcknowledged) {
            assertTrue(instances.contains("\"id\":\"" + id + "\""), "acknowledged instance " + id + " lost after " + kills + " kills");
        }
        Matcher crash = Pattern.compile("\"id\":\"(rm-crash-[0-9a-z]+)\"").matcher(instances);
        while (crash.find()) {
            assertTrue(instancesAttempted.contains(crash.group(1)), crash.group(1) + " was never attempted");
        }
        Matcher clock = ADVANCED.matcher(emulator.get("/_emulator/clock").body());
        assertTrue(clock.find());
        assertTrue(Long.parseLong(clock.group(1)) >= clockAcknowledged.get(), "the clock is behind what was acknowledged");
        List<String> answered;
        synchronized (answeredRequests) {
            answered = List.copyOf(answeredRequests);
        }
        for (String request : answered) {
            EmulatorProcess.Answer replay = emulator.send("POST", "/", FORM, request);
            assertEquals(400, replay.status(), "a replay of an acknowledged request was accepted after " + kills + " kills: " + replay);
            assertTrue(replay.body().contains("SignatureNonceUsed"), replay.toString());
        }
        System.out.println("CrashIT after " + kills + " kills: " + applied + " changes applied (" + changesAcknowledged
                + " acknowledged, " + changesAttempted + " attempted), " + instancesAcknowledged.size() + " instances acknowledged, "
                + answered.size() + " answered requests replayed and refused");
        answeredRequests.clear(); // checked once; their nonces' refusal is in the log from here on
    }

    private interface Write {
        void run() throws Exception;
    }

    private Thread writer(String name, AtomicBoolean running, Write write) {
        Thread t = new Thread(() -> {
            while (running.get()) {
                try {
                    write.run();
                } catch (java.io.IOException killed) {
                    return; // the process was killed while this request was under way: attempted, not acknowledged
                } catch (Exception unexpected) {
                    failures.add(name + ": " + unexpected.getMessage());
                    return;
                }
            }
        }, "crash-writer-" + name);
        t.setDaemon(true);
        return t;
    }

    private void change(EmulatorProcess emulator) throws Exception {
        String to = SOURCES.get((int) (changesAttempted.get() % 2));
        String request = TestSigner.sign("POST", Map.of("Action", "ModifyDtsJobEndpoint", "DtsJobId", JOB, "Endpoint", "src",
                "EndpointInstanceType", "rds", "EndpointInstanceId", to));
        changesAttempted.incrementAndGet();
        EmulatorProcess.Answer answer = emulator.send("POST", "/", FORM, request);
        if (answer.status() == 200) {
            changesAcknowledged.incrementAndGet();
            answeredRequests.add(request);
        } else {
            throw new IllegalStateException("a change was refused: " + answer);
        }
    }

    private void instance(EmulatorProcess emulator, Random random) throws Exception {
        String id = "rm-crash-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        instancesAttempted.add(id);
        EmulatorProcess.Answer answer = emulator.send("PUT", "/_emulator/instances/" + id, JSON,
                "{\"id\":\"" + id + "\",\"type\":\"rds\",\"engine\":\"MYSQL\",\"region\":\"cn-hangzhou\"}");
        if (answer.status() == 200) {
            instancesAcknowledged.add(id);
        }
    }

    private void clock(EmulatorProcess emulator) throws Exception {
        EmulatorProcess.Answer answer = emulator.send("POST", "/_emulator/clock", JSON, "{\"seconds\":1}");
        Matcher m = ADVANCED.matcher(answer.body());
        if (answer.status() == 200 && m.find()) {
            clockAcknowledged.accumulateAndGet(Long.parseLong(m.group(1)), Math::max);
        }
        Thread.sleep(50);
    }

    private void dryRun(EmulatorProcess emulator) throws Exception {
        String request = TestSigner.sign("POST", DocumentedSample.parameters());
        if (emulator.send("POST", "/", FORM, request).status() == 200) {
            answeredRequests.add(request);
        }
    }
}
