package dev.dtscontract.server.operations;

import dev.dtscontract.server.domain.Direction;
import dev.dtscontract.server.domain.InstanceType;
import dev.dtscontract.server.domain.JobSide;
import dev.dtscontract.server.domain.ModifyEndpointCommand;
import dev.dtscontract.server.domain.Secret;
import dev.dtscontract.server.domain.Actor;
import dev.dtscontract.server.model.EndpointInstanceType;
import dev.dtscontract.server.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.server.model.SynchronizationDirection;

/**
 * An operation's typed input as a domain command, each value read from the input's property of its spec name.
 */
final class Commands {

    private Commands() {
    }

    /**
     * The command of a typed input: each value from the input's property of the spec's name. The input's enums are the
     * generated ones, mapped here by switch: a value the spec adds or renames fails the build until it is mapped.
     */
    static ModifyEndpointCommand from(ModifyDtsJobEndpointRequest input, Actor actor, String requestId) {
        return ModifyEndpointCommand.builder()
                .actor(actor)
                .requestId(requestId)
                .regionId(input.getRegionId())
                .resourceGroupId(input.getResourceGroupId())
                .dtsJobId(input.getDtsJobId())
                .dtsInstanceId(input.getDtsInstanceId())
                .direction(input.getSynchronizationDirection() == null ? null : direction(input.getSynchronizationDirection()))
                .side(switch (required(input.getEndpoint(), "Endpoint")) {
                    case SRC -> JobSide.SOURCE;
                    case DEST -> JobSide.DESTINATION;
                })
                .instanceType(instanceType(required(input.getEndpointInstanceType(), "EndpointInstanceType")))
                .endpointRegionId(input.getEndpointRegionId())
                .endpointInstanceId(input.getEndpointInstanceId())
                .endpointIp(input.getEndpointIp())
                .endpointPort(input.getEndpointPort())
                .modifyAccount(Boolean.TRUE.equals(input.getModifyAccount()))
                .username(input.getUsername())
                .password(Secret.of(input.getPassword()))
                .database(input.getDatabase())
                .shardUsername(input.getShardUsername())
                .shardPassword(Secret.of(input.getShardPassword()))
                .roleName(input.getRoleName())
                .aliyunUid(input.getAliyunUid())
                .dryRun(Boolean.TRUE.equals(input.getDryRun()))
                .zeroEtlJob(input.getZeroEtlJob())
                .build();
    }

    /** A value the edge made sure is present (R-REQUIRED); its absence here is a defect, not a request to default. */
    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalStateException(name + " is required but was admitted without it");
        }
        return value;
    }

    private static InstanceType instanceType(EndpointInstanceType type) {
        return switch (type) {
            case RDS -> InstanceType.RDS;
            case POLARDB -> InstanceType.POLARDB;
            case MONGODB -> InstanceType.MONGODB;
            case DISTRIBUTED_MONGODB -> InstanceType.DISTRIBUTED_MONGODB;
            case GREENPLUM -> InstanceType.GREENPLUM;
            case KAFKA -> InstanceType.KAFKA;
            case ECS -> InstanceType.ECS;
            case EXPRESS -> InstanceType.EXPRESS;
            case OTHER -> InstanceType.OTHER;
        };
    }

    static Direction direction(SynchronizationDirection direction) {
        return switch (direction) {
            case FORWARD -> Direction.FORWARD;
            case REVERSE -> Direction.REVERSE;
        };
    }
}
