package dev.dtscontract.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;

/**
 * The SignatureNonces seen per AccessKey within the validity window of a request. Bounded in size and
 * expiring (Caffeine), so replay protection cannot exhaust memory.
 */
public final class NonceMemory {

    private final Cache<String, Boolean> seen;

    public NonceMemory(Duration window, long maximumSize, Ticker ticker) {
        this.seen = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maximumSize).ticker(ticker).build();
    }

    /** True the first time a nonce is presented for a key within the window; false for a replay. */
    public boolean firstUse(String accessKeyId, String nonce) {
        return seen.asMap().putIfAbsent(accessKeyId + '\n' + nonce, Boolean.TRUE) == null;
    }
}
