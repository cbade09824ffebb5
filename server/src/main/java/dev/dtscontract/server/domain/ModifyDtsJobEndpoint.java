package dev.dtscontract.server.domain;

/** The operation as the edge calls it: a checked command in, the outcome out, or a RuleViolation. */
@FunctionalInterface
public interface ModifyDtsJobEndpoint {

    Outcome modify(ModifyEndpointCommand command);
}
