package dev.dtscontract.server.domain;

import dev.dtscontract.server.auth.Caller;

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
        Caller caller = command.caller();
        if (caller.isOwner(job.ownerAccountId())) {
            return;
        }
        String callerAccount = caller.accountId().orElseThrow();
        if (job.ownerAccountId().equals(aliyunUid) && grants.grants(job.ownerAccountId(), roleName, callerAccount)) {
            return;
        }
        throw new RuleViolation("R-CROSS-ACCOUNT", ErrorCode.NO_PERMISSION,
                "The user is not authorized to operate on the specified resource.");
    }
}
