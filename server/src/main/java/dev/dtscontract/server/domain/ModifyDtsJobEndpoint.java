package dev.dtscontract.server.domain;

/** The operation as the edge calls it: a checked command in, the outcome out, or a RuleViolation. */
public interface ModifyDtsJobEndpoint {

    default Outcome modify(ModifyEndpointCommand command) {
        return modify(command, applied -> { });
    }

    /**
     * As {@link #modify(ModifyEndpointCommand)}; {@code whenApplied} sees an applied change inside the job's atomic update,
     * after the service's own {@link ChangeObserver}, under the same terms.
     */
    Outcome modify(ModifyEndpointCommand command, java.util.function.Consumer<AppliedChange> whenApplied);
}
