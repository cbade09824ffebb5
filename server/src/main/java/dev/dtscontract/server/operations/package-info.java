/**
 * One handler per operation, implementing the generated interface: it takes the request the edge admitted
 * ({@link dev.dtscontract.server.rpc.RpcCall}), builds the domain command by parameter name
 * ({@link dev.dtscontract.server.operations.Commands}), calls the domain and answers the generated response. No rule,
 * no store, no fault and no history here: the domain holds the rules, the emulator's features wrap or observe.
 */
package dev.dtscontract.server.operations;
