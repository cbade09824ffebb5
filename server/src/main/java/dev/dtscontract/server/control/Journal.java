package dev.dtscontract.server.control;

import dev.dtscontract.server.rpc.Exchange;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The request journal: the last {@code dts.journal.size} requests of the RPC surface (default 1000; 0 turns it off),
 * in a lock-free ring, so recording costs a request one slot write. Entries hold parameters already masked.
 */
@Singleton
public final class Journal {

    /** One request as the journal shows it; parameters with secret values as ******. */
    public record Entry(Instant time, String requestId, String method, String path, Exchange.Signature signature,
                        String accessKeyId, String caller, String action, String dtsJobId, String dtsInstanceId,
                        Map<String, String> parameters, int status, String code, String rule, Exchange.Ending ending) {
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
