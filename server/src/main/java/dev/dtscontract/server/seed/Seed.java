package dev.dtscontract.server.seed;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;

import java.util.List;

/** The parsed seed: the catalogue's instances, the jobs, and the accounts (AccessKeys and granted roles). */
public record Seed(List<DatabaseInstance> instances, List<DtsJob> jobs, List<AccessKey> accessKeys, List<Accounts.Role> roles) {

    public Accounts accounts() {
        return new Accounts(accessKeys, roles);
    }
}
