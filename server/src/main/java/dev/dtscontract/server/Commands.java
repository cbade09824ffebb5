package dev.dtscontract.server;

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
        return new ModifyEndpointCommand(
                call.caller(),
                call.value("RegionId"),
                call.value("ResourceGroupId"),
                call.value("DtsJobId"),
                call.value("DtsInstanceId"),
                call.value("SynchronizationDirection") == null ? null
                        : direction(SynchronizationDirection.fromValue(call.value("SynchronizationDirection"))),
                switch (endpoint) {
                    case SRC -> JobSide.SOURCE;
                    case DEST -> JobSide.DESTINATION;
                },
                instanceType(type),
                call.value("EndpointRegionId"),
                call.value("EndpointInstanceId"),
                call.value("EndpointIp"),
                call.value("EndpointPort"),
                call.flag("ModifyAccount"),
                call.value("Username"),
                Secret.of(call.value("Password")),
                call.value("Database"),
                call.value("ShardUsername"),
                Secret.of(call.value("ShardPassword")),
                call.value("RoleName"),
                call.value("AliyunUid"),
                call.flag("DryRun"),
                call.value("ZeroEtlJob") == null ? null : call.flag("ZeroEtlJob"));
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
