package dev.dtscontract.server.journal;

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

    /**
     * One request as the journal keeps it, built by name ({@link #builder()}). Its text fields are written to and read
     * from a {@link JournalSlot} through one table ({@link #TEXT}), so their order lives in one place.
     */
    public static final class Entry {

        /** A text field of an entry: how to read it from an entry and set it on a builder. */
        record Text(String name, java.util.function.Function<Entry, String> get, java.util.function.BiConsumer<Builder, String> set) {
        }

        /** Every text field, in the one order a slot keeps them in. */
        static final List<Text> TEXT = List.of(
                new Text("requestId", Entry::requestId, Builder::requestId),
                new Text("method", Entry::method, Builder::method),
                new Text("path", Entry::path, Builder::path),
                new Text("accessKeyId", Entry::accessKeyId, Builder::accessKeyId),
                new Text("caller", Entry::caller, Builder::caller),
                new Text("action", Entry::action, Builder::action),
                new Text("dtsJobId", Entry::dtsJobId, Builder::dtsJobId),
                new Text("dtsInstanceId", Entry::dtsInstanceId, Builder::dtsInstanceId),
                new Text("rawQuery", Entry::rawQuery, Builder::rawQuery),
                new Text("rawForm", Entry::rawForm, Builder::rawForm),
                new Text("v3Action", Entry::v3Action, Builder::v3Action),
                new Text("v3Version", Entry::v3Version, Builder::v3Version),
                new Text("code", Entry::code, Builder::code),
                new Text("rule", Entry::rule, Builder::rule));

        private final Instant time;
        private final String requestId;
        private final String method;
        private final String path;
        private final String accessKeyId;
        private final String caller;
        private final String action;
        private final String dtsJobId;
        private final String dtsInstanceId;
        private final String rawQuery;
        private final String rawForm;
        private final String v3Action;
        private final String v3Version;
        private final String code;
        private final String rule;
        private final Exchange.Signature signature;
        private final Set<String> secrets;
        private final int status;
        private final Exchange.Ending ending;
        private final JournalAnswer answer;

        private Entry(Builder b) {
            this.time = java.util.Objects.requireNonNull(b.time, "time");
            this.requestId = b.requestId;
            this.method = b.method;
            this.path = b.path;
            this.accessKeyId = b.accessKeyId;
            this.caller = b.caller;
            this.action = b.action;
            this.dtsJobId = b.dtsJobId;
            this.dtsInstanceId = b.dtsInstanceId;
            this.rawQuery = b.rawQuery;
            this.rawForm = b.rawForm;
            this.v3Action = b.v3Action;
            this.v3Version = b.v3Version;
            this.code = b.code;
            this.rule = b.rule;
            this.signature = java.util.Objects.requireNonNull(b.signature, "signature");
            this.secrets = b.secrets;
            this.status = b.status;
            this.ending = java.util.Objects.requireNonNull(b.ending, "ending");
            this.answer = b.answer;
        }

        /** An entry to build, each value set by name. */
        static Builder builder() {
            return new Builder();
        }

        /**
         * The values of an entry. {@code rawQuery} and {@code rawForm} are the query and form as received (secrets
         * included: kept, never exposed unmasked), {@code v3Action}/{@code v3Version} the x-acs-action and x-acs-version
         * of a V3 request, {@code secrets} the names of the parameters whose values {@link #parameters()} masks,
         * {@code answer} the body answered as the journal keeps it (shown as JSON, also when XML was asked).
         */
        static final class Builder {
            private Instant time;
            private String requestId;
            private String method;
            private String path;
            private String accessKeyId;
            private String caller;
            private String action;
            private String dtsJobId;
            private String dtsInstanceId;
            private String rawQuery;
            private String rawForm;
            private String v3Action;
            private String v3Version;
            private String code;
            private String rule;
            private Exchange.Signature signature;
            private Set<String> secrets = Set.of();
            private int status;
            private Exchange.Ending ending;
            private JournalAnswer answer;

            private Builder() {
            }

            Builder time(Instant time) {
                this.time = time;
                return this;
            }

            Builder requestId(String requestId) {
                this.requestId = requestId;
                return this;
            }

            Builder method(String method) {
                this.method = method;
                return this;
            }

            Builder path(String path) {
                this.path = path;
                return this;
            }

            Builder accessKeyId(String accessKeyId) {
                this.accessKeyId = accessKeyId;
                return this;
            }

            Builder caller(String caller) {
                this.caller = caller;
                return this;
            }

            Builder action(String action) {
                this.action = action;
                return this;
            }

            Builder dtsJobId(String dtsJobId) {
                this.dtsJobId = dtsJobId;
                return this;
            }

            Builder dtsInstanceId(String dtsInstanceId) {
                this.dtsInstanceId = dtsInstanceId;
                return this;
            }

            Builder rawQuery(String rawQuery) {
                this.rawQuery = rawQuery;
                return this;
            }

            Builder rawForm(String rawForm) {
                this.rawForm = rawForm;
                return this;
            }

            Builder v3Action(String v3Action) {
                this.v3Action = v3Action;
                return this;
            }

            Builder v3Version(String v3Version) {
                this.v3Version = v3Version;
                return this;
            }

            Builder code(String code) {
                this.code = code;
                return this;
            }

            Builder rule(String rule) {
                this.rule = rule;
                return this;
            }

            Builder signature(Exchange.Signature signature) {
                this.signature = signature;
                return this;
            }

            Builder secrets(Set<String> secrets) {
                this.secrets = secrets;
                return this;
            }

            Builder status(int status) {
                this.status = status;
                return this;
            }

            Builder ending(Exchange.Ending ending) {
                this.ending = ending;
                return this;
            }

            Builder answer(JournalAnswer answer) {
                this.answer = answer;
                return this;
            }

            Entry build() {
                return new Entry(this);
            }
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
            shown.replaceAll((name, value) -> secrets.contains(name) && value != null ? dev.dtscontract.server.domain.Secret.MASK : value);
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
        public Optional<JournalAnswer> answer() { return Optional.ofNullable(answer); }

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
