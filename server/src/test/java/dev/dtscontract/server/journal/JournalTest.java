package dev.dtscontract.server.journal;

import dev.dtscontract.server.model.ErrorResponse;
import dev.dtscontract.server.model.ModifyDtsJobEndpointResponse;
import dev.dtscontract.server.rpc.Exchange;
import dev.dtscontract.spec.SpecContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {

    private static final SpecContract CONTRACT = SpecContract.load();
    private static final Function<Object, String> NOT_WRITTEN = body -> {
        throw new AssertionError("a model of the spec is kept as values, not written out: " + body);
    };

    private static Journal journal(int capacity) {
        return new Journal(capacity, 16_777_216L, CONTRACT);
    }

    /** An entry whose every field says which request it is, so a mixed-up or torn entry shows. */
    private static Journal.Entry entry(long n) {
        return Journal.Entry.builder().time(Instant.ofEpochSecond(1_764_000_000L + n, 123_456_789)).requestId("req-" + n)
                .method(n % 2 == 0 ? "GET" : "POST").path("/").signature(n % 3 == 0 ? Exchange.Signature.V3 : Exchange.Signature.RPC)
                .accessKeyId("key-" + n).caller("account-" + n).action("ModifyDtsJobEndpoint").dtsJobId("job-" + n)
                .dtsInstanceId("instance-" + n).rawQuery("Action=ModifyDtsJobEndpoint&Password=secret" + n + "&Endpoint=SOURCE&Note=%E4%B8%AD" + n)
                .rawForm(n % 2 == 0 ? null : "DtsJobId=job-" + n).v3Action(n % 3 == 0 ? "ModifyDtsJobEndpoint" : null)
                .v3Version(n % 3 == 0 ? "2020-01-01" : null).secrets(Set.of()).status(200 + (int) (n % 300)).code("Code" + n).rule("R-" + n)
                .ending(Exchange.Ending.values()[(int) (n % 4)])
                .answer(n % 2 == 0 ? new JournalAnswer.Json("{\"RequestId\":\"req-" + n + "\"}")
                        : JournalAnswer.of(new ModifyDtsJobEndpointResponse("200", "req-" + n, true), NOT_WRITTEN))
                .build();
    }

    private static void assertIsEntry(long n, Journal.Entry read) {
        Journal.Entry sent = entry(n);
        assertEquals(sent.time(), read.time());
        assertEquals(List.of(sent.requestId(), sent.method(), sent.path(), sent.signature(), sent.accessKeyId(), sent.caller(), sent.action(),
                        sent.dtsJobId(), sent.dtsInstanceId(), sent.status(), sent.code(), sent.rule(), sent.ending(), sent.answer()),
                List.of(read.requestId(), read.method(), read.path(), read.signature(), read.accessKeyId(), read.caller(), read.action(),
                        read.dtsJobId(), read.dtsInstanceId(), read.status(), read.code(), read.rule(), read.ending(), read.answer()));
        assertEquals(sent.rawQuery(), read.rawQuery());
        assertEquals(sent.rawForm(), read.rawForm());
        assertEquals(sent.v3Action(), read.v3Action());
        assertEquals(sent.v3Version(), read.v3Version());
    }

    @Test
    void anEntry_readsBackFieldByField_nullsAndNonAsciiIncluded() {
        Journal journal = journal(10);
        for (long n = 0; n < 6; n++) {
            journal.record(entry(n));
        }
        List<Journal.Entry> read = journal.newestFirst(e -> true, 10);
        assertEquals(6, read.size());
        for (int i = 0; i < 6; i++) {
            assertIsEntry(5 - i, read.get(i));
        }
        assertEquals("中3", read.get(2).parameters().get("Note"));
    }

    @Test
    void theSpecsAnswers_areKeptAsTheirValues_andBuiltAgainEqual() {
        ErrorResponse error = new ErrorResponse("InvalidParameter", "Endpoint is \"x\"; 中", "req-1", false, "InvalidParameter",
                "Endpoint is \"x\"; 中", "400");
        error.setHostId("dts.aliyuncs.com");
        error.setRecommend(null);
        ModifyDtsJobEndpointResponse ok = new ModifyDtsJobEndpointResponse("200", "req-2", true);
        for (Object body : List.of(error, ok)) {
            JournalSlot slot = new JournalSlot();
            slot.write(0, Journal.Entry.builder().time(Instant.EPOCH).requestId("r").method("GET").path("/").signature(Exchange.Signature.RPC)
                    .status(200).ending(Exchange.Ending.DRY_RUN).answer(JournalAnswer.of(body, NOT_WRITTEN)).build());
            JournalAnswer kept = slot.read(0, Set.of()).answer().orElseThrow();
            assertEquals(body, ((JournalAnswer.Values) kept).body());
            assertEquals("written:" + body, kept.json(b -> "written:" + b));
        }
    }

    @Test
    void anotherBody_isWrittenOutWhenRecorded() {
        JournalAnswer kept = JournalAnswer.of(Map.of("Code", "X"), body -> "{\"Code\":\"X\"}");
        assertEquals(new JournalAnswer.Json("{\"Code\":\"X\"}"), kept);
        assertEquals("{\"Code\":\"X\"}", kept.json(NOT_WRITTEN));
    }

    @Test
    void parameters_showSecretValuesMasked_andEveryOtherValueAsSent() {
        Journal journal = journal(1);
        journal.record(entry(3));
        Map<String, String> shown = journal.newestFirst(e -> true, 1).get(0).parameters();
        assertEquals(Map.of("Action", "ModifyDtsJobEndpoint", "Password", "******", "Endpoint", "SOURCE", "Note", "中3",
                "DtsJobId", "job-3", "Version", "2020-01-01"), shown);
    }

    @Test
    void theRing_keepsTheLastCapacityRequests_newestFirst_andCountsAll() {
        Journal journal = journal(3);
        for (long n = 0; n < 8; n++) {
            journal.record(entry(n));
        }
        assertEquals(List.of("req-7", "req-6", "req-5"), journal.newestFirst(e -> true, 10).stream().map(Journal.Entry::requestId).toList());
        assertEquals(8, journal.recorded());
        assertEquals(List.of("req-7"), journal.newestFirst(e -> true, 1).stream().map(Journal.Entry::requestId).toList());
        assertEquals(List.of("req-6"), journal.newestFirst(e -> e.requestId().equals("req-6"), 10).stream().map(Journal.Entry::requestId).toList());
    }

    @Test
    void clear_emptiesWhatIsShown_andCountsFromThere() {
        Journal journal = journal(5);
        journal.record(entry(0));
        journal.record(entry(1));
        journal.clear();
        assertEquals(List.of(), journal.newestFirst(e -> true, 10));
        assertEquals(0, journal.recorded());
        journal.record(entry(2));
        assertEquals(List.of("req-2"), journal.newestFirst(e -> true, 10).stream().map(Journal.Entry::requestId).toList());
        assertEquals(1, journal.recorded());
    }

    @Test
    void aSlot_keepsTheLaterRequest_whenAnEarlierOneArrivesAfterIt() {
        JournalSlot slot = new JournalSlot();
        slot.write(7, entry(7));
        slot.write(4, entry(4));
        assertIsEntry(7, slot.read(7, Set.of()));
        assertNull(slot.read(4, Set.of()), "the place holds request 7, not 4");
    }

    @Test
    void anAnswerTheMapperCannotWrite_isSaidSo_notLeftOutAsIfThereWereNone() {
        String written = JournalAnswer.writer(io.micronaut.json.JsonMapper.createDefault()).apply(new Object() { });
        assertEquals(JournalAnswer.UNWRITABLE, written);
        assertEquals("{\"JournalNote\":\"The answer could not be written as JSON.\"}", written);
    }

    @Test
    void aSlot_reusesItsBuffer_forASmallerEntryAfterALargeOne() {
        JournalSlot slot = new JournalSlot();
        Journal.Entry large = Journal.Entry.builder().time(Instant.EPOCH).requestId("big").method("POST").path("/")
                .signature(Exchange.Signature.RPC).rawQuery("Note=" + "x".repeat(100_000)).status(200).ending(Exchange.Ending.DRY_RUN).build();
        slot.write(1, large);
        assertEquals("x".repeat(100_000), slot.read(1, Set.of()).parameters().get("Note"));
        slot.write(2, entry(2));
        assertIsEntry(2, slot.read(2, Set.of()));
    }

    @Test
    void sizeZero_recordsNothing_andShowsNothing() {
        Journal journal = journal(0);
        journal.record(entry(0));
        assertFalse(journal.enabled());
        assertEquals(List.of(), journal.newestFirst(e -> true, 10));
    }

    @Test
    void aSizeOutOfRange_isRefused_namingTheSetting() {
        assertEquals("dts.journal.size (DTS_JOURNAL_SIZE) must be between 0 and 1000000, not -1",
                assertThrows(IllegalArgumentException.class, () -> journal(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> journal(1_000_001));
        assertTrue(journal(1_000_000).enabled());
    }

    @Test
    void writersAndReadersAtOnce_neverSeeATornOrMixedEntry() throws Exception {
        Journal journal = journal(16);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                running.add(threads.submit(() -> {
                    for (long n = writer; n < 60_000; n += 3) {
                        journal.record(entry(n));
                    }
                }));
            }
            running.add(threads.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    for (Journal.Entry read : journal.newestFirst(e -> true, 16)) {
                        assertIsEntry(Long.parseLong(read.requestId().substring(4)), read);
                    }
                }
            }));
            for (Future<?> each : running) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(60_000, journal.recorded());
        assertEquals(16, journal.newestFirst(e -> true, 100).size());
    }
}
