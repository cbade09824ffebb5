package dev.dtscontract.server.safety;

import dev.dtscontract.server.auth.TestSigner;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What no stream of requests may do to the emulator as users start it (the jar, the README's 128 MB heap): exhaust its
 * memory through the journal or through held connections, block its event loops with a latency fault, or write a job's
 * history out of order. Each test has an emulator of its own.
 */
class ResourceBoundsIT {

    private static final int LARGEST_BODY = 65_536;
    private static final int CHANGES_PER_WRITER = 40;
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    /** A signed form body of exactly the largest size the edge accepts: the sample with a Padding parameter. */
    private static String largestSigned() {
        Map<String, String> p = DocumentedSample.parameters();
        p.put("Padding", "");
        String body = TestSigner.sign("POST", p);
        int padding = 0;
        // The signature's encoded length varies (+, / and = are escaped): sign again until the body is exactly the size.
        for (int attempt = 0; attempt < 500 && body.length() != LARGEST_BODY; attempt++) {
            padding = Math.max(0, padding + LARGEST_BODY - body.length());
            p.put("Padding", "p".repeat(padding));
            body = TestSigner.sign("POST", p);
        }
        assertEquals(LARGEST_BODY, body.length());
        return body;
    }

    /** The same size with a wrong signature: anyone can send it, no credentials needed. */
    private static String largestUnsigned() {
        String body = largestSigned().replaceFirst("Signature=[^&]*", "Signature=d3JvbmcgYnV0IHdlbGwgZm9ybWVk");
        return body + "p".repeat(LARGEST_BODY - body.length());
    }

    @Test
    void theJournal_under2000LargestRequestsEachWithAWrongAndARightSignature_staysWithinTheHeap() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(Map.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                boolean signed = i % 2 == 0;
                sent.add(pool.submit(() -> {
                    String body = signed ? largestSigned() : largestUnsigned();
                    EmulatorProcess.Answer answer = emulator.send("POST", "/", FORM, body);
                    statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertTrue(statuses.keySet().stream().allMatch(s -> s < 500), "answers by status: " + statuses);
            assertEquals(4000, statuses.values().stream().mapToInt(AtomicInteger::get).sum());
            assertFalse(emulator.output().contains("OutOfMemoryError"), emulator.output());
            assertTrue(emulator.alive());

            EmulatorProcess.Answer journal = emulator.get("/_emulator/journal?limit=10000");
            assertEquals(200, journal.status(), journal.status() + " " + journal.header("content-length"));
            assertTrue(journal.body().contains("\"recorded\":4000,\"capacity\":1000"), journal.body().substring(journal.body().length() - 100));
            assertEquals(1000, count(journal.body(), "\"requestId\":"));
            // Each value is cut visibly: 1024 bytes of an admitted request's (the signed ones), 128 of a refused request's
            // (the unsigned ones: kept compact), then how many bytes were left out.
            Matcher padding = Pattern.compile("\"Padding\":\"(p*)\u2026\\(\\+(\\d+) bytes\\)\"").matcher(journal.body());
            Map<Integer, Integer> kept = new java.util.TreeMap<>();
            while (padding.find()) {
                int length = padding.group(1).length();
                kept.merge(length, 1, Integer::sum);
                int leftOut = Integer.parseInt(padding.group(2));
                assertTrue(leftOut > LARGEST_BODY - 1000 - length && leftOut < LARGEST_BODY - length, "left out " + leftOut);
            }
            assertEquals(java.util.Set.of(128, 1024), kept.keySet(), "kept bytes of Padding: " + kept);
            assertEquals(1000, kept.values().stream().mapToInt(Integer::intValue).sum(), "every entry shows its Padding cut");
            assertTrue(journal.bytes().length < 8 * 1024 * 1024, "the journal's view is " + journal.bytes().length + " bytes");
            assertEquals(200, emulator.get("/_emulator/health").status());
        }
    }

    @Test
    void fifteenHundredHeldSlowBodies_neitherExhaustMemoryNorStopHealth_andAreClosed() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(Map.of("DTS_REQUEST_BODY_TIMEOUT", "8s"))) {
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Socket> held = Collections.synchronizedList(new ArrayList<>());
            byte[] head = ("PUT /_emulator/seed HTTP/1.1\r\nHost: 127.0.0.1:" + emulator.port + "\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: 65000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] part = "#".repeat(60_000).getBytes(StandardCharsets.ISO_8859_1);
            List<Future<?>> opened = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                opened.add(pool.submit(() -> {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", emulator.port), 5_000);
                    held.add(socket);
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(head);
                        out.write(part);
                        out.flush();
                    } catch (SocketException closedByTheEmulator) {
                        // past the budget of bodies in flight: the emulator closed it, as it should
                    }
                    return null;
                }));
            }
            long slowestHealth = 0;
            for (Future<?> f : opened) {
                f.get(2, TimeUnit.MINUTES);
            }
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                EmulatorProcess.Answer health = emulator.get("/_emulator/health");
                slowestHealth = Math.max(slowestHealth, System.nanoTime() - start);
                assertEquals(200, health.status(), health.toString());
                Thread.sleep(200);
            }
            assertTrue(slowestHealth < TimeUnit.SECONDS.toNanos(2), "health took " + slowestHealth / 1_000_000 + " ms while held");

            // Past the body timeout every held connection has been closed by the emulator.
            CountDownLatch closed = new CountDownLatch(held.size());
            for (Socket socket : held) {
                pool.submit(() -> {
                    try (socket) {
                        socket.setSoTimeout(20_000);
                        InputStream in = socket.getInputStream();
                        while (in.read() >= 0) {
                            // an answer (a 400 for a cut body) or nothing: read to the end
                        }
                        closed.countDown();
                    } catch (SocketTimeoutException stillOpen) {
                        // not counted
                    } catch (java.io.IOException reset) {
                        closed.countDown();
                    }
                    return null;
                });
            }
            assertTrue(closed.await(60, TimeUnit.SECONDS), closed.getCount() + " of 1500 held connections still open");
            pool.shutdownNow();
            assertFalse(emulator.output().contains("OutOfMemoryError") || emulator.output().contains("direct buffer memory"),
                    emulator.output());
            assertEquals(200, emulator.get("/_emulator/health").status());
            assertEquals(200, emulator.send("POST", "/_emulator/reset", Map.of(), null).status());
        }
    }

    @Test
    void concurrentLatencyFaults_eachTakeTheirOwnDelay_andHealthStaysFast() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(Map.of())) {
            EmulatorProcess.Answer fault = emulator.send("POST", "/_emulator/faults", Map.of("Content-Type", "application/json"),
                    "{\"kind\":\"LATENCY\",\"latencyMs\":1500,\"times\":8}");
            assertEquals(200, fault.status(), fault.toString());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Long>> delayed = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                delayed.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    EmulatorProcess.Answer answer = emulator.send("POST", "/", FORM, TestSigner.sign("POST", DocumentedSample.parameters()));
                    assertEquals(200, answer.status(), answer.toString());
                    return (System.nanoTime() - start) / 1_000_000;
                }));
            }
            Thread.sleep(300);
            long start = System.nanoTime();
            assertEquals(200, emulator.get("/_emulator/health").status());
            long health = (System.nanoTime() - start) / 1_000_000;
            List<Long> took = new ArrayList<>();
            for (Future<Long> f : delayed) {
                took.add(f.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertTrue(health < 500, "health took " + health + " ms during the delays");
            assertTrue(took.stream().allMatch(ms -> ms >= 1450 && ms < 2900), "each delayed request took (ms) " + took);
            assertEquals("[]", emulator.get("/_emulator/faults").body());
            EmulatorProcess.Answer journal = emulator.get("/_emulator/journal?limit=8&outcome=DRY_RUN");
            assertEquals(8, count(journal.body(), "\"requestId\":"), journal.body());
        }
    }

    @Test
    void concurrentWriters_leaveAHistoryInVersionOrder() throws Exception {
        try (EmulatorProcess emulator = new EmulatorProcess(Map.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(16);
            AtomicInteger applied = new AtomicInteger();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    together.await();
                    for (int i = 0; i < CHANGES_PER_WRITER; i++) {
                        Map<String, String> p = DocumentedSample.change(
                                (writer + i) % 2 == 0 ? "rm-bp10k50h8374w****" : "rm-bp1alt0mysql0002", false);
                        EmulatorProcess.Answer answer = emulator.send("POST", "/", FORM, TestSigner.sign("POST", p));
                        assertEquals(200, answer.status(), answer.toString());
                        applied.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertEquals(16 * CHANGES_PER_WRITER, applied.get());
            String job = emulator.get("/_emulator/jobs/m4312mab158%2A%2A%2A%2A").body();
            Matcher version = Pattern.compile("\"version\":(\\d+)").matcher(job);
            List<Long> versions = new ArrayList<>();
            while (version.find()) {
                versions.add(Long.parseLong(version.group(1)));
            }
            // The job's own version, then its history's, oldest first: the last 100 changes, each one more.
            long last = 16L * CHANGES_PER_WRITER + 1;
            assertEquals(last, versions.get(0), job);
            List<Long> history = versions.subList(1, versions.size());
            assertEquals(100, history.size(), job);
            for (int i = 0; i < history.size(); i++) {
                assertEquals(last - 99 + i, history.get(i), "history out of version order: " + history);
            }
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
