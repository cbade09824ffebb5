package dev.dtscontract.server.auth;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The SignatureNonces seen per AccessKey within the validity window of a request (R-SIGNATURE, replay).
 * A nonce is remembered for exactly the window after its first use, as a 64-bit hash of key and nonce
 * with the time it was seen: 16 bytes an entry instead of two strings and a cache node, which kept the
 * emulator's memory growing with every request under load (see bench/). Two generations, each at most one
 * window long, are kept; the older one is dropped whole. Bounded: past {@code maximumSize} entries the
 * oldest generation is dropped early, so replay protection can weaken under extreme load but memory cannot run out.
 * A false "used" needs a 64-bit hash collision within the window (about 1 in 10^13 at a million nonces).
 */
public final class NonceMemory {

    private static final int INITIAL_SLOTS = 1 << 12;

    private final long windowNanos;
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
        long hash = hash(accessKeyId, nonce);
        long rememberedSince = now - windowNanos;
        if (current.seenAfter(hash, rememberedSince) || previous.seenAfter(hash, rememberedSince)) {
            return false;
        }
        current.add(hash, now);
        return true;
    }

    /** FNV-1a over both strings with a separator, then MurmurHash3's finaliser; never 0 (the empty slot). */
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
        return h == 0 ? 1 : h;
    }

    /** An open-addressing set of hashes with the time each was added; grows to stay at most half full. */
    private static final class Generation {
        final long startedAt;
        long[] hashes = new long[INITIAL_SLOTS];
        long[] seenAt = new long[INITIAL_SLOTS];
        int size;

        Generation(long startedAt) {
            this.startedAt = startedAt;
        }

        boolean seenAfter(long hash, long since) {
            int mask = hashes.length - 1;
            for (int i = (int) hash & mask; hashes[i] != 0; i = (i + 1) & mask) {
                if (hashes[i] == hash) {
                    return seenAt[i] - since > 0;
                }
            }
            return false;
        }

        void add(long hash, long now) {
            if (2 * (size + 1) > hashes.length) {
                grow();
            }
            int mask = hashes.length - 1;
            int i = (int) hash & mask;
            while (hashes[i] != 0 && hashes[i] != hash) {
                i = (i + 1) & mask;
            }
            if (hashes[i] == 0) {
                size++;
            }
            hashes[i] = hash;
            seenAt[i] = now;
        }

        private void grow() {
            long[] oldHashes = hashes;
            long[] oldSeenAt = seenAt;
            hashes = new long[oldHashes.length * 2];
            seenAt = new long[oldHashes.length * 2];
            size = 0;
            for (int i = 0; i < oldHashes.length; i++) {
                if (oldHashes[i] != 0) {
                    add(oldHashes[i], oldSeenAt[i]);
                }
            }
        }
    }
}
