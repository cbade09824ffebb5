package dev.dtscontract.server.operations;

import dev.dtscontract.server.domain.Direction;
import dev.dtscontract.server.domain.InstanceType;
import dev.dtscontract.server.domain.JobSide;
import dev.dtscontract.server.domain.ModifyEndpointCommand;
import dev.dtscontract.server.domain.Secret;
import dev.dtscontract.server.model.Endpoint;
import dev.dtscontract.server.model.EndpointInstanceType;
import dev.dtscontract.server.model.SynchronizationDirection;
import dev.dtscontract.server.rpc.RpcCall;

/**
 * An admitted call as a domain command, each field read by its spec name. Enum values go through the generated
 * enums' {@code fromValue}, so a value the spec renames fails here instead of mapping to the wrong constant.
 */
final class Commands {

    private Commands() {
    }

    static ModifyEndpointCommand from(RpcCall call) {
        Endpoint endpoint = Endpoint.fromValue(call.required("Endpoint"));
        EndpointInstanceType type = EndpointInstanceType.fromValue(call.required("EndpointInstanceType"));
        String direction = call.value("SynchronizationDirection");
        return ModifyEndpointCommand.builder()
                .actor(call.caller().actor())
                .requestId(call.requestId())
                .regionId(call.value("RegionId"))
                .resourceGroupId(call.value("ResourceGroupId"))
                .dtsJobId(call.value("DtsJobId"))
                .dtsInstanceId(call.value("DtsInstanceId"))
                .direction(direction == null ? null : direction(SynchronizationDirection.fromValue(direction)))
                .side(switch (endpoint) {
                    case SRC -> JobSide.SOURCE;
                    case DEST -> JobSide.DESTINATION;
                })
                .instanceType(instanceType(type))
                .endpointRegionId(call.value("EndpointRegionId"))
                .endpointInstanceId(call.value("EndpointInstanceId"))
                .endpointIp(call.value("EndpointIp"))
                .endpointPort(call.value("EndpointPort"))
                .modifyAccount(call.flag("ModifyAccount"))
                .username(call.value("Username"))
                .password(Secret.of(call.value("Password")))
                .database(call.value("Database"))
                .shardUsername(call.value("ShardUsername"))
                .shardPassword(Secret.of(call.value("ShardPassword")))
                .roleName(call.value("RoleName"))
                .aliyunUid(call.value("AliyunUid"))
                .dryRun(call.flag("DryRun"))
                .zeroEtlJob(call.value("ZeroEtlJob") == null ? null : call.flag("ZeroEtlJob"))
                .build();
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

    private static Direction direction(SynchronizationDirection direction) {
        return switch (direction) {
            case FORWARD -> Direction.FORWARD;
            case REVERSE -> Direction.REVERSE;
        };
    }
}
