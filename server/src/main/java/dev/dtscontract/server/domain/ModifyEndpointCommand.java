package dev.dtscontract.server.domain;

import dev.dtscontract.server.auth.Caller;

import java.util.Objects;

/**
 * A ModifyDtsJobEndpoint request in domain terms. Parameters the API marks optional may be null;
 * {@code direction} defaults to FORWARD. Secrets are {@link Secret}s, so toString() never shows them.
 * {@code caller} is who sent it, as authentication established: never null, never a default.
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
        boolean dryRun) {

    public ModifyEndpointCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(instanceType, "instanceType");
        direction = direction == null ? Direction.FORWARD : direction;
    }
}
