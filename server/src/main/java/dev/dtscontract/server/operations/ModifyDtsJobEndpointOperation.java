package dev.dtscontract.server.operations;

import dev.dtscontract.server.api.DtsController;
import dev.dtscontract.server.domain.ModifyDtsJobEndpoint;
import dev.dtscontract.server.domain.Outcome;
import dev.dtscontract.server.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.server.model.ModifyDtsJobEndpointResponse;
import dev.dtscontract.server.rpc.RpcCall;
import jakarta.inject.Singleton;

/**
 * ModifyDtsJobEndpoint, GET and POST: the typed input (every parameter by its wire name, from the request the edge
 * admitted) becomes a command ({@link Commands}), the domain runs it, the generated response answers. Faults wrap it
 * ({@code faults.FaultInjection}); the job history observes the domain. Nothing here decides a rule.
 */
@Singleton
public final class ModifyDtsJobEndpointOperation implements DtsController.ModifyDtsJobEndpointHandler {

    private final ModifyDtsJobEndpoint service;

    public ModifyDtsJobEndpointOperation(ModifyDtsJobEndpoint service) {
        this.service = service;
    }

    @Override
    public ModifyDtsJobEndpointResponse modifyDtsJobEndpoint(ModifyDtsJobEndpointRequest input, RpcCall call) {
        Outcome outcome = service.modify(Commands.from(input, call.caller().actor(), call.requestId()));
        call.answered(outcome.job() == null ? null : outcome.job().dtsJobId(), outcome.applied());
        // The generated constructor takes the required properties by position; each is set by name after it.
        return new ModifyDtsJobEndpointResponse(null, null, null).httpStatusCode("200").requestId(call.requestId()).success(true);
    }
}
