/**
 * Authentication as Alibaba Cloud does it: accounts and their AccessKeys (permanent and STS), RPC signature
 * version 1 verified over the parameters as sent, replayed nonces (remembered per AccessKey for the 30 minutes a
 * request can stay acceptable), clock skew, per-AccessKey throttling, and the RAM roles an account grants to
 * others (used by the domain's R-CROSS-ACCOUNT rule). A {@link dev.dtscontract.server.auth.Caller} is made only
 * here: by a verified signature, or by the one explicit switch that runs the emulator unsigned.
 */
package dev.dtscontract.server.auth;
