package dev.dtscontract.server;

import dev.dtscontract.server.api.AbstractDtsController;
import dev.dtscontract.server.domain.Direction;
import dev.dtscontract.server.domain.InstanceType;
import dev.dtscontract.server.domain.JobSide;
import dev.dtscontract.server.domain.ModifyDtsJobEndpointService;
import dev.dtscontract.server.domain.ModifyEndpointCommand;
import dev.dtscontract.server.domain.Secret;
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
import dev.dtscontract.server.rpc.RpcRequestFilter;
import dev.dtscontract.server.auth.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;

/**
 * Implements the generated interface: maps the bound parameters to a command, calls the domain service,
 * and maps the outcome to the generated response. The RPC filter has already merged a form body into the
 * query and normalised every value, so GET and POST bind alike; the POST's form arguments are unused.
 */
@Controller
public final class ModifyDtsJobEndpointController extends AbstractDtsController {

    private final ModifyDtsJobEndpointService service;

    public ModifyDtsJobEndpointController(ModifyDtsJobEndpointService service) {
        this.service = service;
    }

    @Override
    public ModifyDtsJobEndpointResponse modifyDtsJobEndpoint(Action action, Endpoint endpoint, EndpointInstanceType endpointInstanceType,
            String regionId, String dtsJobId, String dtsInstanceId, SynchronizationDirection synchronizationDirection,
            String endpointRegionId, String endpointInstanceId, String endpointIp, String endpointPort, Boolean modifyAccount,
            String username, String password, String database, String shardUsername, String shardPassword, String roleName,
            String aliyunUid, Boolean dryRun, String resourceGroupId, ModelFormat format, Version version, String accessKeyId,
            SignatureMethod signatureMethod, SignatureVersion signatureVersion, String signatureNonce, String timestamp,
            String securityToken) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow();
        Caller caller = request.getAttribute(RpcRequestFilter.CALLER_ATTRIBUTE, Caller.class).orElse(Caller.UNAUTHENTICATED);
        service.modify(new ModifyEndpointCommand(caller.accountId(), regionId, resourceGroupId, dtsJobId, dtsInstanceId,
                synchronizationDirection == null ? null : Direction.valueOf(synchronizationDirection.name()),
                endpoint == Endpoint.SRC ? JobSide.SOURCE : JobSide.DESTINATION,
                InstanceType.valueOf(endpointInstanceType.name()),
                endpointRegionId, endpointInstanceId, endpointIp, endpointPort,
                Boolean.TRUE.equals(modifyAccount), username, Secret.of(password), database, shardUsername,
                Secret.of(shardPassword), roleName, aliyunUid, Boolean.TRUE.equals(dryRun)));
        return new ModifyDtsJobEndpointResponse("200", RequestIds.of(request), true);
    }

    @Override
    public ModifyDtsJobEndpointResponse modifyDtsJobEndpointByPost(Action action, String regionId, String dtsJobId,
            String dtsInstanceId, SynchronizationDirection synchronizationDirection, Endpoint endpoint, String endpointRegionId,
            EndpointInstanceType endpointInstanceType, String endpointInstanceId, String endpointIp, String endpointPort,
            Boolean modifyAccount, String username, String password, String database, String shardUsername, String shardPassword,
            String roleName, String aliyunUid, Boolean dryRun, String resourceGroupId, ModelFormat format, Version version,
            String accessKeyId, SignatureMethod signatureMethod, SignatureVersion signatureVersion, String signatureNonce,
            String timestamp, String securityToken, Action formAction, String formRegionId, String formDtsJobId,
            String formDtsInstanceId, SynchronizationDirection formSynchronizationDirection, Endpoint formEndpoint,
            String formEndpointRegionId, EndpointInstanceType formEndpointInstanceType, String formEndpointInstanceId,
            String formEndpointIp, String formEndpointPort, Boolean formModifyAccount, String formUsername, String formPassword,
            String formDatabase, String formShardUsername, String formShardPassword, String formRoleName, String formAliyunUid,
            Boolean formDryRun, String formResourceGroupId, ModelFormat formFormat, Version formVersion, String formAccessKeyId,
            String formSignature, SignatureMethod formSignatureMethod, SignatureVersion formSignatureVersion,
            String formSignatureNonce, String formTimestamp, String formSecurityToken) {
        return modifyDtsJobEndpoint(action, endpoint, endpointInstanceType, regionId, dtsJobId, dtsInstanceId,
                synchronizationDirection, endpointRegionId, endpointInstanceId, endpointIp, endpointPort, modifyAccount,
                username, password, database, shardUsername, shardPassword, roleName, aliyunUid, dryRun, resourceGroupId,
                format, version, accessKeyId, signatureMethod, signatureVersion, signatureNonce, timestamp, securityToken);
    }
}
