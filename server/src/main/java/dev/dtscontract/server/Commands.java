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
                text(call, "RegionId"),
                text(call, "ResourceGroupId"),
                text(call, "DtsJobId"),
                text(call, "DtsInstanceId"),
                call.value("SynchronizationDirection") == null ? null
                        : direction(SynchronizationDirection.fromValue(call.value("SynchronizationDirection"))),
                switch (endpoint) {
                    case SRC -> JobSide.SOURCE;
                    case DEST -> JobSide.DESTINATION;
                },
                instanceType(type),
                text(call, "EndpointRegionId"),
                text(call, "EndpointInstanceId"),
                text(call, "EndpointIp"),
                text(call, "EndpointPort"),
                call.flag("ModifyAccount"),
                text(call, "Username"),
                Secret.of(text(call, "Password")),
                text(call, "Database"),
                text(call, "ShardUsername"),
                Secret.of(text(call, "ShardPassword")),
                text(call, "RoleName"),
                text(call, "AliyunUid"),
                call.flag("DryRun"),
                call.value("ZeroEtlJob") == null ? null : call.flag("ZeroEtlJob"));
    }

    private static String text(RpcCall call, String name) {
        return call.value(name);
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
