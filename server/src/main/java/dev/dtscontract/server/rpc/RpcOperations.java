package dev.dtscontract.server.rpc;

import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.spec.ParameterDefinition;
import dev.dtscontract.spec.SpecContract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operations the edge admits, each with its own parameters ({@link RpcParameters}), chosen by the Action a request
 * names (R-REQUIRED, R-ACTION); and every operation's parameters at once, for what the edge does before it knows the
 * Action (merging query, form and headers, R-SINGLE-VALUE, with secrets masked).
 */
final class RpcOperations {

    private static final String ACTION = "Action";

    private final RpcParameters anyOperation;
    private final Map<String, RpcParameters> byAction;

    RpcOperations(SpecContract contract) {
        Map<String, ParameterDefinition> all = new LinkedHashMap<>();
        Map<String, RpcParameters> operations = new LinkedHashMap<>();
        contract.operations().forEach((action, operation) -> {
            operation.parameters().forEach(all::putIfAbsent);
            operations.put(action, new RpcParameters(operation.parameters()));
        });
        this.anyOperation = new RpcParameters(all);
        this.byAction = Map.copyOf(operations);
    }

    /** The parameters of every operation: for merging a request's sources before its Action is known. */
    RpcParameters anyOperation() {
        return anyOperation;
    }

    /** The Action of merged parameters, exactly as the spec spells it: R-REQUIRED when absent or empty, R-ACTION when unknown. */
    String actionOf(Map<String, String> sent) {
        String action = sent.get(ACTION);
        if (action == null || action.isEmpty()) {
            throw RuleViolation.missing("R-REQUIRED", ACTION);
        }
        if (!byAction.containsKey(action)) {
            throw new RuleViolation("R-ACTION", ErrorCode.INVALID_ACTION);
        }
        return action;
    }

    /** The parameters of the operation an Action (from {@link #actionOf}) names. */
    RpcParameters of(String action) {
        return byAction.get(action);
    }
}
