package dev.dtscontract.server.domain;

import dev.dtscontract.server.auth.Caller;

import java.util.Objects;

/**
 * A ModifyDtsJobEndpoint request in domain terms. Parameters the API marks optional may be null;
 * {@code direction} defaults to FORWARD. Secrets are {@link Secret}s, so toString() never shows them.
 * {@code caller} is who sent it, as authentication established: never null, never a default. {@code zeroEtlJob}
 * (added to Alibaba's model in 2025) is recorded as sent, null when absent; no rule of this operation depends on it.
 */
public record ModifyEndpointCommand(
        Caller caller,
        String regionId,
        String resourceGroupId,
        String dtsJobId,
        String dtsInstanceId,
        Direction direction,
        JobSide side,
        InstanceType instanceType,
        String endpointRegionId,
        String endpointInstanceId,
        String endpointIp,
        String endpointPort,
        boolean modifyAccount,
        String username,
        Secret password,
        String database,
        String shardUsername,
        Secret shardPassword,
        String roleName,
        String aliyunUid,
        boolean dryRun,
        Boolean zeroEtlJob) {

    public ModifyEndpointCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(instanceType, "instanceType");
        direction = direction == null ? Direction.FORWARD : direction;
    }
}
