package dev.dtscontract.server.auth;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The SignatureNonces seen per AccessKey within the validity window of a request (R-SIGNATURE, replay).
 * A nonce is remembered for the window after its first use (and at most one second longer), as one long:
 * a 54-bit hash of key and nonce with the second it was seen. Eight bytes an entry instead of two strings
 * and a cache node, which kept the emulator's memory growing with every request under load (see bench/).
 * Two generations, each at most one window long, are kept; the older one is dropped whole. Bounded: past
 * {@code maximumSize} entries the oldest generation is dropped early, so replay protection can weaken under
 * extreme load but memory cannot run out. A false "used" needs a hash collision within the window
 * (about 1 in 10^10 at a million remembered nonces).
 */
public final class NonceMemory {

    private static final int INITIAL_SLOTS = 1 << 12;
    private static final long SECOND = 1_000_000_000L;

    private final long windowNanos;
    /** Low bits of an entry: the second within its generation it was seen; the high bits identify the nonce. */
    private final int secondBits;
    private final int generationLimit;
    private final LongSupplier nanoTime;
    private Generation current;
    private Generation previous;

    /**
     * @param window      how long a nonce is remembered
     * @param maximumSize the most nonces remembered at once
     * @param nanoTime    a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public NonceMemory(Duration window, long maximumSize, LongSupplier nanoTime) {
        if (maximumSize < 2) {
            throw new IllegalArgumentException("maximumSize must be at least 2");
        }
        this.windowNanos = window.toNanos();
        this.secondBits = 64 - Long.numberOfLeadingZeros(Math.max(1, window.toSeconds()));
        this.generationLimit = (int) Math.min(maximumSize / 2, 1 << 29);
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.current = new Generation(now);
        this.previous = new Generation(now);
    }

    /** True the first time a nonce is presented for a key within the window; false for a replay. */
    public synchronized boolean firstUse(String accessKeyId, String nonce) {
        long now = nanoTime.getAsLong();
        if (now - current.startedAt >= windowNanos || current.size >= generationLimit) {
            previous = current;
            current = new Generation(now);
        }
        long identity = Math.max(1, hash(accessKeyId, nonce) >>> secondBits);
        long rememberedAfter = now - windowNanos;
        if (current.seenAfter(identity, rememberedAfter) || previous.seenAfter(identity, rememberedAfter)) {
            return false;
        }
        current.add(identity << secondBits | (now - current.startedAt) / SECOND);
        return true;
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
