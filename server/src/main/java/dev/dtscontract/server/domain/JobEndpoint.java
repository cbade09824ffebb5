package dev.dtscontract.server.domain;

/**
 * One side of a job: the database DTS reads from or writes to. Exactly one of instanceId and ip is
 * usually set, as the instance type requires; secrets are {@link Secret}s.
 */
public record JobEndpoint(
        InstanceType instanceType,
        Engine engine,
        String instanceId,
        String ip,
        Integer port,
        String region,
        String database,
        String username,
        Secret password,
        String shardUsername,
        Secret shardPassword,
        String roleName,
        String aliyunUid) {
}
