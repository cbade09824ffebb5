package dev.dtscontract.server.control;

import dev.dtscontract.server.rpc.Exchange;
import dev.dtscontract.spec.ParameterDefinition;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.signing.UrlEncoded;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The request journal: the last {@code dts.journal.size} requests of the RPC surface (default 1000; 0 turns it off),
 * each cut to its share of {@code dts.journal.max-bytes} (default 16 MiB; {@link JournalLimits}), in a ring of {@link JournalSlot}s that keep each entry as bytes, so recording costs a request one counter increment
 * and one slot write, and the ring never holds a request's objects. Secret values are kept as sent and shown masked.
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
        private final JournalAnswer answer;

        /**
         * @param rawQuery the query as received (secrets included: kept, never exposed unmasked), or null
         * @param rawForm  the form body as received, or null
         * @param v3Action x-acs-action and x-acs-version of a V3 request, or null
         * @param secrets  names of the parameters whose values {@link #parameters()} masks
         * @param answer   the body answered, as the journal keeps it (shown as JSON, also when XML was asked), or null
         */
        Entry(Instant time, String requestId, String method, String path, Exchange.Signature signature, String accessKeyId,
                     String caller, String action, String dtsJobId, String dtsInstanceId, String rawQuery, String rawForm,
                     String v3Action, String v3Version, Set<String> secrets, int status, String code, String rule,
                     Exchange.Ending ending, JournalAnswer answer) {
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
        String rawQuery() { return rawQuery; }
        String rawForm() { return rawForm; }
        String v3Action() { return v3Action; }
        String v3Version() { return v3Version; }
        Optional<JournalAnswer> answer() { return Optional.ofNullable(answer); }

        @Override
        public String toString() { // never the values as sent
            return "Journal.Entry[" + requestId + " " + method + " " + path + " " + status + " " + ending + " " + parameters() + "]";
        }
    }

    private final int capacity;
    private final JournalLimits admitted;
    private final JournalLimits refused;
    private final JournalSlot[] ring;
    private final Set<String> secrets;
    private final AtomicLong recorded = new AtomicLong();
    private volatile long clearedBefore;

    public Journal(@Value("${dts.journal.size:1000}") int capacity, @Value("${dts.journal.max-bytes:16777216}") long maxBytes,
                   SpecContract contract) {
        if (capacity < 0 || capacity > 1_000_000) {
            throw new IllegalArgumentException("dts.journal.size (DTS_JOURNAL_SIZE) must be between 0 and 1000000, not " + capacity);
        }
        if (maxBytes < 1_048_576) {
            throw new IllegalArgumentException("dts.journal.max-bytes (DTS_JOURNAL_BYTES) must be at least 1048576, not " + maxBytes);
        }
        this.capacity = capacity;
        this.admitted = JournalLimits.of(maxBytes, capacity, false);
        this.refused = JournalLimits.of(maxBytes, capacity, true);
        this.ring = new JournalSlot[capacity];
        Arrays.setAll(ring, i -> new JournalSlot());
        this.secrets = contract.parameters().values().stream().filter(ParameterDefinition::secret)
                .map(ParameterDefinition::name).collect(Collectors.toUnmodifiableSet());
    }

    /** How much of a request an entry keeps: less of one that was refused (anyone may send those, unsigned). */
    JournalLimits limits(boolean refusedRequest) {
        return refusedRequest ? refused : admitted;
    }

    public boolean enabled() {
        return capacity > 0;
    }

    public int capacity() {
        return capacity;
    }

    /** Names of the parameters whose values an entry shows masked: the spec's secret ones ({@code format: password}). */
    public Set<String> secrets() {
        return secrets;
    }

    public void record(Entry entry) {
        if (capacity == 0) {
            return;
        }
        long sequence = recorded.getAndIncrement();
        ring[(int) (sequence % capacity)].write(sequence, entry);
    }

    /** Requests recorded since the journal was last emptied, including those the bound dropped. */
    public long recorded() {
        return recorded.get() - clearedBefore;
    }

    /**
     * The kept entries that match, newest first, at most {@code limit}. A request still being recorded, or whose place
     * a later one took while this reads, is left out.
     */
    public List<Entry> newestFirst(Predicate<Entry> filter, int limit) {
        List<Entry> found = new ArrayList<>();
        long newest = recorded.get() - 1;
        long oldest = Math.max(clearedBefore, newest - capacity + 1);
        for (long sequence = newest; sequence >= oldest && found.size() < limit; sequence--) {
            Entry entry = ring[(int) (sequence % capacity)].read(sequence, secrets);
            if (entry != null && filter.test(entry)) {
                found.add(entry);
            }
        }
        return found;
    }

    public void clear() {
        clearedBefore = recorded.get();
    }
}
