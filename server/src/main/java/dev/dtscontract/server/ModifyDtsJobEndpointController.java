package dev.dtscontract.server;

import dev.dtscontract.server.api.AbstractDtsController;
import dev.dtscontract.server.control.Faults;
import dev.dtscontract.server.control.JobHistory;
import dev.dtscontract.server.control.model.FaultKind;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.JobSide;
import dev.dtscontract.server.domain.JobStore;
import dev.dtscontract.server.domain.Outcome;
import dev.dtscontract.server.rpc.Exchange;
import java.time.Clock;
import java.util.Optional;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.ModifyDtsJobEndpoint;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.server.model.Action;
import dev.dtscontract.server.model.Endpoint;
import dev.dtscontract.server.model.EndpointInstanceType;
import dev.dtscontract.server.model.ModelFormat;
import dev.dtscontract.server.model.ModifyDtsJobEndpointResponse;
import dev.dtscontract.server.model.SignatureMethod;
import dev.dtscontract.server.model.SignatureVersion;
import dev.dtscontract.server.model.SynchronizationDirection;
import dev.dtscontract.server.model.Version;
import dev.dtscontract.server.rpc.RequestIds;
import dev.dtscontract.server.rpc.RpcCall;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;

/**
 * Implements the generated interface: takes the {@link RpcCall} the edge admitted, maps it to a command by
 * parameter name ({@link Commands}), calls the domain service and answers the generated response. The
 * arguments the generated methods bind by position are deliberately unused, so reordering parameters in the
 * spec cannot swap two values.
 */
@Controller
public final class ModifyDtsJobEndpointController extends AbstractDtsController {

    private final ModifyDtsJobEndpoint service;
    private final Faults faults;
    private final JobHistory history;
    private final JobStore jobs;
    private final Clock clock;

    public ModifyDtsJobEndpointController(ModifyDtsJobEndpoint service, Faults faults, JobHistory history, JobStore jobs, Clock clock) {
        this.service = service;
        this.faults = faults;
        this.history = history;
        this.jobs = jobs;
        this.clock = clock;
    }

    private ModifyDtsJobEndpointResponse handle() {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow();
        // The edge admits every request that reaches a route; without its RpcCall nothing happens (fail closed).
        RpcCall call = RpcCall.of(request).orElseThrow(() -> new RuleViolation("R-SIGNATURE", ErrorCode.INCOMPLETE_SIGNATURE,
                "The request signature does not conform to Aliyun standards."));
        Optional<Faults.Fault> fault = faults.take(call.value("Action"), jobId -> names(call, jobId));
        if (fault.isPresent() && fault.get().kind() == FaultKind.ERROR) {
            throw new RuleViolation(RuleViolation.FAULT, fault.get().code(), "Injected by the test-control API: " + fault.get().code().wire());
        }
        if (fault.isPresent() && fault.get().kind() == FaultKind.LATENCY) {
            pause(fault.get().latencyMs());
        }
        Outcome outcome = service.modify(Commands.from(call));
        String requestId = RequestIds.of(request);
        if (outcome.applied()) {
            DtsJob before = outcome.before();
            DtsJob after = outcome.job();
            JobSide side = before.source().equals(after.source()) ? JobSide.DESTINATION : JobSide.SOURCE;
            history.record(after.dtsJobId(), new JobHistory.Change(after.version(), requestId, clock.instant(), side,
                    call.value("SynchronizationDirection"), call.caller().accessKeyId().orElse(null), before.endpoint(side),
                    after.endpoint(side)));
        }
        boolean drop = fault.isPresent() && fault.get().kind() == FaultKind.DROP_AFTER_APPLY;
        Exchange.of(request).ifPresent(e -> e.answered(outcome.job() == null ? null : outcome.job().dtsJobId(), outcome.applied(), drop));
        if (drop) { // applied, then the answer is lost: the connection closes before anything is written
            Exchange.of(request).ifPresent(Exchange::dropConnection);
        }
        return new ModifyDtsJobEndpointResponse("200", requestId, true);
    }

    /** Whether the call names the job: by DtsJobId, or by the DtsInstanceId of that job. */
    private boolean names(RpcCall call, String dtsJobId) {
        if (dtsJobId.equals(call.value("DtsJobId"))) {
            return true;
        }
        String instanceId = call.value("DtsInstanceId");
        return instanceId != null && jobs.findByInstanceId(instanceId).map(j -> j.dtsJobId().equals(dtsJobId)).orElse(false);
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ModifyDtsJobEndpointResponse modifyDtsJobEndpoint(Endpoint endpoint, EndpointInstanceType endpointInstanceType, Action action,
            String regionId, String dtsJobId, String dtsInstanceId, SynchronizationDirection synchronizationDirection,
            String endpointRegionId, String endpointInstanceId, String endpointIp, String endpointPort, Boolean modifyAccount,
            String username, String password, String database, String shardUsername, String shardPassword, String roleName,
            String aliyunUid, Boolean dryRun, String resourceGroupId, ModelFormat format, Version version, String accessKeyId,
            SignatureMethod signatureMethod, SignatureVersion signatureVersion, String signatureNonce, String timestamp,
            String securityToken, Boolean zeroEtlJob, Action xAcsAction, Version xAcsVersion, String xAcsDate,
            String xAcsSignatureNonce, String xAcsContentSha256, String xAcsAccesskeyId, String xAcsSecurityToken,
            String xAcsCredentialsProvider) {
        return handle();
    }

    @Override
    public ModifyDtsJobEndpointResponse modifyDtsJobEndpointByPost(Action action, String regionId, String dtsJobId,
            String dtsInstanceId, SynchronizationDirection synchronizationDirection, Endpoint endpoint, String endpointRegionId,
            EndpointInstanceType endpointInstanceType, String endpointInstanceId, String endpointIp, String endpointPort,
            Boolean modifyAccount, String username, String password, String database, String shardUsername, String shardPassword,
            String roleName, String aliyunUid, Boolean dryRun, String resourceGroupId, ModelFormat format, Version version,
            String accessKeyId, SignatureMethod signatureMethod, SignatureVersion signatureVersion, String signatureNonce,
            String timestamp, String securityToken, Boolean zeroEtlJob, Action xAcsAction, Version xAcsVersion, String xAcsDate,
            String xAcsSignatureNonce, String xAcsContentSha256, String xAcsAccesskeyId, String xAcsSecurityToken,
            String xAcsCredentialsProvider, Action formAction, String formRegionId, String formDtsJobId,
            String formDtsInstanceId, SynchronizationDirection formSynchronizationDirection, Endpoint formEndpoint,
            String formEndpointRegionId, EndpointInstanceType formEndpointInstanceType, String formEndpointInstanceId,
            String formEndpointIp, String formEndpointPort, Boolean formModifyAccount, String formUsername, String formPassword,
            String formDatabase, String formShardUsername, String formShardPassword, String formRoleName, String formAliyunUid,
            Boolean formDryRun, String formResourceGroupId, ModelFormat formFormat, Version formVersion, String formAccessKeyId,
            String formSignature, SignatureMethod formSignatureMethod, SignatureVersion formSignatureVersion,
            String formSignatureNonce, String formTimestamp, String formSecurityToken, Boolean formZeroEtlJob) {
        return handle();
    }
}
