package dev.dtscontract.server.operations;

import dev.dtscontract.server.api.AbstractDtsController;
import dev.dtscontract.server.domain.Outcome;
import dev.dtscontract.server.rpc.Exchange;
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
import dev.dtscontract.server.rpc.RpcCall;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;

/**
 * Implements the generated interface: takes the {@link RpcCall} the edge admitted, maps it to a command by
 * parameter name ({@link Commands}), calls the domain service and answers the generated response. Faults are not its
 * business: {@code control.FaultInjection} wraps it. The
 * arguments the generated methods bind by position are deliberately unused, so reordering parameters in the
 * spec cannot swap two values.
 */
@Controller
public final class ModifyDtsJobEndpointController extends AbstractDtsController {

    private final ModifyDtsJobEndpoint service;

    public ModifyDtsJobEndpointController(ModifyDtsJobEndpoint service) {
        this.service = service;
    }

    private ModifyDtsJobEndpointResponse handle() {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow();
        // The edge admits every request that reaches a route; without its RpcCall nothing happens (fail closed).
        RpcCall call = RpcCall.of(request).orElseThrow(() -> new RuleViolation("R-SIGNATURE", ErrorCode.INCOMPLETE_SIGNATURE,
                "The request signature does not conform to Aliyun standards."));
        Outcome outcome = service.modify(Commands.from(call));
        Exchange.of(request).ifPresent(e -> e.answered(outcome.job() == null ? null : outcome.job().dtsJobId(), outcome.applied(), false));
        return new ModifyDtsJobEndpointResponse("200", call.requestId(), true);
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
