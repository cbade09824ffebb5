package dev.dtscontract.server.domain;

/** A database instance the emulator knows about, so a precheck can find the new endpoint (R-ENDPOINT-EXISTS). */
public record DatabaseInstance(String id, InstanceType type, Engine engine, String region, int shardCount) {
}
