package dev.dtscontract.server.domain;

/**
 * A ModifyDtsJobEndpoint request in domain terms. Parameters the API marks optional may be null;
 * {@code direction} defaults to FORWARD. Secrets are {@link Secret}s, so toString() never shows them.
 * {@code callerAccountId} is the authenticated account, or null when authentication is switched off.
 */
public record ModifyEndpointCommand(
        String callerAccountId,
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
        direction = direction == null ? Direction.FORWARD : direction;
    }
}
