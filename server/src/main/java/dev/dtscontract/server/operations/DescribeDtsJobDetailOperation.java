package dev.dtscontract.server.operations;

import dev.dtscontract.server.api.DtsController;
import dev.dtscontract.server.domain.DescribeDtsJobDetail;
import dev.dtscontract.server.domain.Direction;
import dev.dtscontract.server.domain.Engine;
import dev.dtscontract.server.domain.JobDetail;
import dev.dtscontract.server.domain.JobEndpoint;
import dev.dtscontract.server.domain.JobKind;
import dev.dtscontract.server.domain.JobReference;
import dev.dtscontract.server.model.DescribeDtsJobDetailEndpoint;
import dev.dtscontract.server.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.server.model.DescribeDtsJobDetailResponse;
import dev.dtscontract.server.rpc.RpcCall;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * DescribeDtsJobDetail, GET and POST: the typed input names a job ({@link JobReference}), the domain reads it, the
 * generated response answers with the fields the spec's DescribeDtsJobDetailResponse lists (the stable values it
 * documents for what the emulator cannot know). No password is ever mapped (R-READ-SECRETS).
 */
@Singleton
public final class DescribeDtsJobDetailOperation implements DtsController.DescribeDtsJobDetailHandler {

    private final DescribeDtsJobDetail service;

    public DescribeDtsJobDetailOperation(DescribeDtsJobDetail service) {
        this.service = service;
    }

    @Override
    public DescribeDtsJobDetailResponse describeDtsJobDetail(DescribeDtsJobDetailRequest input, RpcCall call) {
        JobDetail detail = service.describe(JobReference.builder()
                .dtsJobId(input.getDtsJobId())
                .dtsInstanceId("DtsInstanceID", input.getDtsInstanceID())
                .regionId(input.getRegionId())
                .resourceGroupId(input.getResourceGroupId())
                .direction(input.getSynchronizationDirection() == null ? null : Commands.direction(input.getSynchronizationDirection()))
                .build(), call.caller().actor());
        call.read(detail.job().dtsJobId());
        // The generated constructor takes the required properties by position; each is set by name after it.
        return new DescribeDtsJobDetailResponse(null, null, null, null, null)
                .httpStatusCode(200)
                .requestId(call.requestId())
                .success(true)
                .dtsJobId(detail.job().dtsJobId())
                .dtsInstanceID(detail.job().dtsInstanceId())
                .dtsJobName(detail.job().dtsJobId())
                .jobType(detail.job().kind() == JobKind.MIGRATION ? DescribeDtsJobDetailResponse.JobTypeEnum.MIGRATION
                        : DescribeDtsJobDetailResponse.JobTypeEnum.SYNC)
                .status(detail.status())
                .dtsJobDirection("Forward")
                .synchronizationDirection(detail.direction() == Direction.REVERSE ? "Reverse" : "Forward")
                .checkpoint(detail.job().checkpoint().getEpochSecond())
                .delay((long) detail.job().latencySeconds())
                .payType("PostPaid")
                .resourceGroupId(detail.job().resourceGroupId())
                .sourceEndpoint(endpoint(detail.source()))
                .destinationEndpoint(endpoint(detail.destination()));
    }

    /** An endpoint as the answer shows it: everything the emulator holds but its secrets (R-READ-SECRETS). */
    static DescribeDtsJobDetailEndpoint endpoint(JobEndpoint e) {
        return new DescribeDtsJobDetailEndpoint()
                .instanceType(e.instanceType().name().toUpperCase(Locale.ROOT))
                .engineName(engineName(e.engine()))
                .instanceID(e.instanceId())
                .ip(e.ip())
                .port(e.port() == null ? null : e.port().toString())
                .region(e.region())
                .databaseName(e.database())
                .userName(e.username())
                .roleName(e.roleName())
                .aliyunUid(e.aliyunUid());
    }

    /** The engine as DescribeDtsJobDetailEndpoint.EngineName's description spells it. */
    static String engineName(Engine engine) {
        return switch (engine) {
            case MYSQL -> "MySQL";
            case POLARDB_MYSQL -> "PolarDB";
            case SQLSERVER -> "SQLServer";
            case POSTGRESQL -> "PostgreSQL";
            case POLARDB_POSTGRESQL -> "PolarDB_PostgreSQL";
            case ANALYTICDB_POSTGRESQL -> "Greenplum";
            case MONGODB_REPLICA_SET, MONGODB_SHARDED -> "MongoDB";
            case KAFKA -> "Kafka";
        };
    }
}
