package dev.dtscontract.server.control;

import dev.dtscontract.server.rpc.Exchange;
import dev.dtscontract.server.rpc.UrlEncoded;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The request journal: the last {@code dts.journal.size} requests of the RPC surface (default 1000; 0 turns it off),
 * in a lock-free ring, so recording costs a request one slot write. Entries hold parameters already masked.
 */
@Singleton
public final class Journal {

    /** One request as the journal keeps it. */
    public static final class Entry {
        private final Instant time;
        private final String requestId;
        private final String method;
        private final String path;
        private final Exchange.Signature signature;
        private final String accessKeyId;
        private final String caller;
        private final String action;
        private final String dtsJobId;
        private final String dtsInstanceId;
        private final String rawQuery;
        private final String rawForm;
        private final String v3Action;
        private final String v3Version;
        private final Set<String> secrets;
        private final int status;
        private final String code;
        private final String rule;
        private final Exchange.Ending ending;
        private final Object answer;

        /**
         * @param rawQuery the query as received (secrets included: kept, never exposed unmasked), or null
         * @param rawForm  the form body as received, or null
         * @param v3Action x-acs-action and x-acs-version of a V3 request, or null
         * @param secrets  names of the parameters whose values {@link #parameters()} masks
         * @param answer   the body answered, as the response carried it (a model object, written out only when read), or null
         */
        public Entry(Instant time, String requestId, String method, String path, Exchange.Signature signature, String accessKeyId,
                     String caller, String action, String dtsJobId, String dtsInstanceId, String rawQuery, String rawForm,
                     String v3Action, String v3Version, Set<String> secrets, int status, String code, String rule,
                     Exchange.Ending ending, Object answer) {
            this.time = time;
            this.requestId = requestId;
            this.method = method;
            this.path = path;
            this.signature = signature;
            this.accessKeyId = accessKeyId;
            this.caller = caller;
            this.action = action;
            this.dtsJobId = dtsJobId;
            this.dtsInstanceId = dtsInstanceId;
            this.rawQuery = rawQuery;
            this.rawForm = rawForm;
            this.v3Action = v3Action;
            this.v3Version = v3Version;
            this.secrets = secrets;
            this.status = status;
            this.code = code;
            this.rule = rule;
            this.ending = ending;
            this.answer = answer;
        }

        /**
         * Every parameter as sent (query, then form, then V3's action and version; the first value of a repeated one),
         * the values of secret ones as ******. Read from the request as received, when the journal is read: for
         * showing only, never for a decision.
         */
        public Map<String, String> parameters() {
            Map<String, String> shown = new java.util.TreeMap<>();
            UrlEncoded.decode(rawQuery).values().forEach((name, values) -> shown.putIfAbsent(name, values.get(0)));
            UrlEncoded.decode(rawForm).values().forEach((name, values) -> shown.putIfAbsent(name, values.get(0)));
            if (v3Action != null) {
                shown.putIfAbsent("Action", v3Action.trim());
            }
            if (v3Version != null) {
                shown.putIfAbsent("Version", v3Version.trim());
            }
            shown.replaceAll((name, value) -> secrets.contains(name) && value != null ? ControlViews.MASK : value);
            return shown;
        }

        public Instant time() { return time; }
        public String requestId() { return requestId; }
        public String method() { return method; }
        public String path() { return path; }
        public Exchange.Signature signature() { return signature; }
        public String accessKeyId() { return accessKeyId; }
        public String caller() { return caller; }
        public String action() { return action; }
        public String dtsJobId() { return dtsJobId; }
        public String dtsInstanceId() { return dtsInstanceId; }
        public int status() { return status; }
        public String code() { return code; }
        public String rule() { return rule; }
        public Exchange.Ending ending() { return ending; }
        public Optional<Object> answer() { return Optional.ofNullable(answer); }

        @Override
        public String toString() { // never the values as sent
            return "Journal.Entry[" + requestId + " " + method + " " + path + " " + status + " " + ending + " " + parameters() + "]";
        }
    }

    private record Slot(long sequence, Entry entry) {
    }

    private final int capacity;
    private final AtomicReferenceArray<Slot> ring;
    private final AtomicLong recorded = new AtomicLong();
    private volatile long clearedBefore;

    public Journal(@Value("${dts.journal.size:1000}") int capacity) {
        if (capacity < 0 || capacity > 1_000_000) {
            throw new IllegalArgumentException("dts.journal.size (DTS_JOURNAL_SIZE) must be between 0 and 1000000, not " + capacity);
        }
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(Math.max(capacity, 1));
    }

    public boolean enabled() {
        return capacity > 0;
    }

    public int capacity() {
        return capacity;
    }

    public void record(Entry entry) {
        if (capacity == 0) {
            return;
        }
        long sequence = recorded.getAndIncrement();
        ring.set((int) (sequence % capacity), new Slot(sequence, entry));
    }

    /** Requests recorded since the journal was last emptied, including those the bound dropped. */
    public long recorded() {
        return recorded.get() - clearedBefore;
    }

    /** The kept entries that match, newest first, at most {@code limit}. */
    public List<Entry> newestFirst(Predicate<Entry> filter, int limit) {
        List<Slot> slots = new ArrayList<>(capacity);
        for (int i = 0; i < (capacity == 0 ? 0 : capacity); i++) {
            Slot slot = ring.get(i);
            if (slot != null && slot.sequence() >= clearedBefore) {
                slots.add(slot);
            }
        }
        slots.sort((a, b) -> Long.compare(b.sequence(), a.sequence()));
        return slots.stream().map(Slot::entry).filter(filter).limit(limit).toList();
    }

    public void clear() {
        clearedBefore = recorded.get();
    }
}
