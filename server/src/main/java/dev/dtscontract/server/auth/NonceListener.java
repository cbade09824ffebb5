package dev.dtscontract.server.auth;

import java.time.Instant;

/**
 * Sees each SignatureNonce the moment it is accepted, before the request goes on (C-DURABLE: the data directory's
 * store keeps it, so a request answered before a restart cannot be replayed after it). If it throws, the request is
 * not answered as accepted.
 */
@FunctionalInterface
public interface NonceListener {

    void accepted(String accessKeyId, String nonce, Instant at);

    /** Keeps nothing: nonces live in memory only (no data directory). */
    NonceListener IN_MEMORY = (accessKeyId, nonce, at) -> { };
}
