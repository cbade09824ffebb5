/**
 * Not API. The machinery behind {@link dev.dtscontract.client.DtsClient}: RPC v1 signing (the pure
 * {@link dev.dtscontract.client.internal.RpcSigner} and the client filter that applies it), parsing of
 * error bodies in JSON and XML, and retries with backoff.
 */
package dev.dtscontract.client.internal;
