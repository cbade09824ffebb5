/**
 * Not API. The machinery behind {@link dev.dtscontract.client.DtsClient}: the filter that signs every request (signature
 * V3 by default, or the RPC signature) through the signing module's {@code SignedRequest}, parsing of error bodies in
 * JSON and XML, and retries with backoff.
 */
package dev.dtscontract.client.internal;
