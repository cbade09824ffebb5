/**
 * The Alibaba Cloud RPC wire protocol at the edge of the emulator. {@link dev.dtscontract.server.rpc.RpcEdge} is
 * the only way in: before routing, it refuses every method but GET and POST, every path but /, every body that is
 * not empty or form-encoded, then decodes query and form once ({@link dev.dtscontract.server.rpc.UrlEncoded}),
 * checks every value against the spec's parameter definitions ({@link dev.dtscontract.server.rpc.RpcParameters}),
 * authenticates the caller (RPC signature or signature V3) and admits the request as an
 * {@link dev.dtscontract.server.rpc.RpcCall}, which nothing else can construct; the generated interface's arguments
 * are bound from it by name ({@link dev.dtscontract.server.rpc.AdmittedCallBinder}). Every refusal, including what Netty and Micronaut refuse on their own, is answered with the
 * spec's error body and the status of its code in the spec's catalogue ({@link dev.dtscontract.server.rpc.SpecContract}).
 */
package dev.dtscontract.server.rpc;

import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.spec.SpecContract;
