/**
 * The edge: the Alibaba Cloud RPC wire protocol at the emulator's door, the same for every operation.
 * {@link dev.dtscontract.server.rpc.RpcEdge} is the only way in: before routing, it hands the paths of another surface
 * (the test-control API) to that surface ({@link dev.dtscontract.server.rpc.OtherSurface}), refuses every method but GET
 * and POST, every path but /, every body that is not empty or form-encoded, then decodes query and form once (the
 * signing module's {@code UrlEncoded}), checks every value against the spec's parameter definitions
 * ({@link dev.dtscontract.server.rpc.RpcParameters}, from the spec model's {@code SpecContract}), authenticates the
 * caller (RPC signature or signature V3) and admits the request as one {@link dev.dtscontract.server.rpc.RpcCall}
 * (parameters as sent, canonical values, format, caller, request id), which nothing else can construct. Every refusal,
 * including what Netty and Micronaut refuse on their own, is answered with the spec's error body and the status of its
 * code in the spec's catalogue ({@link dev.dtscontract.server.rpc.ErrorBodies}); every answer is published to the
 * {@link dev.dtscontract.server.rpc.ExchangeListener}s (the journal). It knows nothing of the layers above it.
 */
package dev.dtscontract.server.rpc;
