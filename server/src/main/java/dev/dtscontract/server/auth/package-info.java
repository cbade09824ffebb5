/**
 * Authentication as Alibaba Cloud does it: accounts and their AccessKeys (permanent and STS), RPC signature
 * version 1 verified over the parameters as sent, replayed nonces, clock skew, per-AccessKey throttling,
 * and the RAM roles an account grants to others (used by the domain's R-CROSS-ACCOUNT rule).
 */
package dev.dtscontract.server.auth;
