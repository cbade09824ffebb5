package dev.dtscontract.server.domain;

import java.util.function.Consumer;

/**
 * ModifyDtsJobEndpoint: locate the job, check the caller may change it, run the precheck, and unless it is a
 * dry run apply the change atomically.
 */
public final class ModifyDtsJobEndpointService implements ModifyDtsJobEndpoint {

    private final JobStore store;
    private final JobLocator locator;
    private final Permissions permissions;
    private final EndpointPrecheck precheck;
    private final ChangeObserver observer;
    private final ChangeSettling settling;

    public ModifyDtsJobEndpointService(JobStore store, InstanceCatalogue catalogue, RoleGrants grants) {
        this(store, catalogue, grants, ChangeObserver.NONE, ChangeSettling.immediate());
    }

    /** With an observer of every applied change (the job history), and how long a changed job shows Modifying. */
    public ModifyDtsJobEndpointService(JobStore store, InstanceCatalogue catalogue, RoleGrants grants, ChangeObserver observer,
                                       ChangeSettling settling) {
        this.store = store;
        this.locator = new JobLocator(store);
        this.permissions = new Permissions(grants);
        this.precheck = new EndpointPrecheck(catalogue);
        this.observer = observer;
        this.settling = settling;
    }

    @Override
    public Outcome modify(ModifyEndpointCommand command, Consumer<AppliedChange> whenApplied) {
        DtsJob job = locator.locate(command);
        permissions.check(job, command);
        if (command.dryRun()) { // R-DRY-RUN: every check, no change
            precheck.check(job, command);
            return new Outcome(job, job, false);
        }
        // The precheck runs again inside the atomic update, against the job as it is at that moment.
        DtsJob[] before = new DtsJob[1];
        DtsJob updated = store.update(job.dtsJobId(), current -> {
            EndpointPrecheck.Replacement replacement = precheck.check(current, command);
            before[0] = current;
            DtsJob after = current.withEndpoint(replacement.side(), replacement.endpoint(), settling.settledAt());
            AppliedChange change = new AppliedChange(current, after, replacement.side(), command);
            observer.applied(change);
            whenApplied.accept(change);
            return after;
        });
        return new Outcome(before[0], updated, true);
    }
}
