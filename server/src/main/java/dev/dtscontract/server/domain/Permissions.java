package dev.dtscontract.server.domain;

import static dev.dtscontract.server.domain.JobLocator.blankToNull;

/** Rules R-ROLE-NAME and R-CROSS-ACCOUNT: who may change a job. */
final class Permissions {

    private final RoleGrants grants;

    Permissions(RoleGrants grants) {
        this.grants = grants;
    }

    void check(DtsJob job, ModifyEndpointCommand command) {
        String aliyunUid = blankToNull(command.aliyunUid());
        String roleName = blankToNull(command.roleName());
        if (aliyunUid != null && roleName == null) {
            throw RuleViolation.missing("R-ROLE-NAME", "RoleName");
        }
        Actor actor = command.actor();
        if (actor == Actor.AuthenticationOff.ANYONE) {
            return; // started with authentication off: every request acts as the job's owner, as the README says
        }
        if (!(actor instanceof Actor.Account account)) {
            throw new IllegalStateException("an actor of an unknown kind: " + actor); // sealed: cannot happen, never allowed
        }
        if (account.id().equals(job.ownerAccountId())) {
            return;
        }
        if (job.ownerAccountId().equals(aliyunUid) && grants.grants(job.ownerAccountId(), roleName, account.id())) {
            return;
        }
        throw new RuleViolation("R-CROSS-ACCOUNT", ErrorCode.NO_PERMISSION);
    }
}
