package dev.dtscontract.server.domain;

/** Which RAM roles an account grants to other accounts (R-CROSS-ACCOUNT). */
@FunctionalInterface
public interface RoleGrants {

    /** Whether the owner account grants the named role to the caller's account. */
    boolean grants(String ownerAccountId, String roleName, String callerAccountId);

    /** No account grants anything: only owners may act on their jobs. */
    RoleGrants NONE = (owner, role, caller) -> false;
}
