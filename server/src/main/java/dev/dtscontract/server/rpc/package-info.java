/**
 * The Alibaba Cloud RPC wire protocol at the edge of the emulator: one canonical parameter set from the
 * query string and the form body, validated and normalised against the spec's parameter definitions
 * (enums case-insensitive, strict booleans, one value per name), the spec's error catalogue, and the
 * error body every failure is answered with.
 */
package dev.dtscontract.server.rpc;
