package dev.dtscontract.server.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The SignatureNonces each AccessKey has used, remembered for as long as a request carrying one could still be
 * accepted (R-SIGNATURE, replay): a Timestamp may be up to 15 minutes ahead of the server's clock and is then
 * accepted for 15 minutes after it, so a nonce first seen now stays live for 30 minutes; the caller passes that
 * window. A live nonce is never forgotten to make room: when a key has used {@code maxPerKey} nonces in the
 * current generation, its next request is refused ({@link Verdict#FULL}) instead, and each key has its own
 * memory, so one key's traffic cannot push out another's nonces.
 * <p>
 * Each nonce is one long: a 53-bit hash of key and nonce with the second it was seen (eight bytes an entry,
 * not two strings and a cache node; see bench/). Per key, two generations of at most one window each; the
 * older is dropped whole once everything in it has expired. A false "used" needs a hash collision within
 * the window (about 1 in 10^9 at two million remembered nonces).
 */
public final class NonceMemory {

    /** What a nonce is, for one key. */
    public enum Verdict {
        /** Not seen within the window: remembered now. */
        FIRST_USE,
        /** Seen within the window: a replay. */
        REPLAYED,
        /** The key's memory is full of live nonces: refuse rather than forget one. */
        FULL
    }

    private static final int INITIAL_SLOTS = 1 << 6;
    private static final long SECOND = 1_000_000_000L;

    private final long windowNanos;
    /** Low bits of an entry: the second within its generation it was seen; the high bits identify the nonce. */
    private final int secondBits;
    private final int maxPerKey;
    private final LongSupplier nanoTime;
    private final Map<String, KeyNonces> byKey = new ConcurrentHashMap<>();

    /**
     * @param window    how long a nonce stays live after it is first seen
     * @param maxPerKey the most nonces one key may use within a window
     * @param nanoTime  a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public NonceMemory(Duration window, long maxPerKey, LongSupplier nanoTime) {
        if (maxPerKey < 1 || maxPerKey > (1 << 28)) {
            throw new IllegalArgumentException("dts.auth.max-nonces-per-key must be from 1 to " + (1 << 28) + ", not " + maxPerKey);
        }
        this.windowNanos = window.toNanos();
        this.secondBits = 64 - Long.numberOfLeadingZeros(Math.max(1, window.toSeconds()));
        this.maxPerKey = (int) maxPerKey;
        this.nanoTime = nanoTime;
    }

    /** The nonce's verdict for this key; on {@link Verdict#FIRST_USE} it is remembered. */
    public Verdict firstUse(String accessKeyId, String nonce) {
        long identity = Math.max(1, hash(accessKeyId, nonce) >>> secondBits);
        return byKey.computeIfAbsent(accessKeyId, id -> new KeyNonces(nanoTime.getAsLong())).firstUse(identity);
    }

    /**
     * Remembers a nonce this key used {@code age} ago (a restart reads them back from the data directory); one older
     * than the window is live no more and is dropped. Runs before requests are taken: a nonce placed in a generation
     * that started after it was seen counts as seen when that generation started, later than it was, so it stays
     * refused at least as long as it must.
     */
    public void restore(String accessKeyId, String nonce, java.time.Duration age) {
        long ageNanos = Math.max(0, age.toNanos());
        if (ageNanos >= windowNanos) {
            return;
        }
        long identity = Math.max(1, hash(accessKeyId, nonce) >>> secondBits);
        long now = nanoTime.getAsLong();
        byKey.computeIfAbsent(accessKeyId, id -> new KeyNonces(now - windowNanos)).restore(identity, now - ageNanos);
    }

    /** The most nonces one key may use within a window. */
    public int maxPerKey() {
        return maxPerKey;
    }

    /** FNV-1a over both strings with a separator, then MurmurHash3's finaliser. */
    static long hash(String accessKeyId, String nonce) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < accessKeyId.length(); i++) {
            h = (h ^ accessKeyId.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0xFFFF) * 0x100000001b3L;
        for (int i = 0; i < nonce.length(); i++) {
            h = (h ^ nonce.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** One key's nonces: the current generation and the one before it. */
    private final class KeyNonces {
        private Generation current;
        private Generation previous;

        KeyNonces(long now) {
            current = new Generation(now);
            previous = new Generation(now);
        }

        synchronized void restore(long identity, long seenAt) {
            Generation into = current;
            long second = Math.max(0, seenAt - into.startedAt) / SECOND;
            into.add(identity << secondBits | Math.min(second, (1L << secondBits) - 1));
        }

        synchronized Verdict firstUse(long identity) {
            long now = nanoTime.getAsLong();
            if (now - current.startedAt >= windowNanos) {
                // Everything in `previous` was seen before current.startedAt, so more than a window ago.
                previous = current;
                current = new Generation(now);
            }
            long liveSince = now - windowNanos;
            if (current.seenAfter(identity, liveSince) || previous.seenAfter(identity, liveSince)) {
                return Verdict.REPLAYED;
            }
            if (current.size >= maxPerKey) {
                return Verdict.FULL;
            }
            current.add(identity << secondBits | (now - current.startedAt) / SECOND);
            return Verdict.FIRST_USE;
        }
    }

    /** An open-addressing set of entries (0 is empty); grows to stay at most half full. */
    private final class Generation {
        final long startedAt;
        long[] entries = new long[INITIAL_SLOTS];
        int size;

        Generation(long startedAt) {
            this.startedAt = startedAt;
        }

        /** Whether the nonce was seen in this generation within the second that ends after {@code since}. */
        boolean seenAfter(long identity, long since) {
            int mask = entries.length - 1;
            for (int i = (int) identity & mask; entries[i] != 0; i = (i + 1) & mask) {
                if (entries[i] >>> secondBits == identity) {
                    long second = entries[i] & ((1L << secondBits) - 1);
                    return startedAt + (second + 1) * SECOND - since > 0;
                }
            }
            return false;
        }

        void add(long entry) {
            if (2 * (size + 1) > entries.length) {
                grow();
            }
            int mask = entries.length - 1;
            int i = (int) (entry >>> secondBits) & mask;
            while (entries[i] != 0) {
                i = (i + 1) & mask;
            }
            entries[i] = entry;
            size++;
        }

        private void grow() {
            long[] old = entries;
            entries = new long[old.length * 2];
            size = 0;
            for (long entry : old) {
                if (entry != 0) {
                    add(entry);
                }
            }
        }
    }
}
