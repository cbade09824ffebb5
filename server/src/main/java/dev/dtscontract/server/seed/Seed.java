package dev.dtscontract.server.seed;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;

import java.util.List;

/** A parsed, checked seed: where it came from, the catalogue's instances, the jobs, and the accounts. */
public record Seed(String source, List<DatabaseInstance> instances, List<DtsJob> jobs, List<Accounts.Account> accountList) {

    /** The demo AccessKey of the default seed (its secret is in the seed, for local use only). */
    public static final String DEMO_ACCESS_KEY_ID = "LTAI5tDemoAccessKey0001";

    public Seed {
        instances = List.copyOf(instances);
        jobs = List.copyOf(jobs);
        accountList = List.copyOf(accountList);
    }

    /** A fresh Accounts holding this seed's accounts. */
    public Accounts accounts() {
        return new Accounts(accountList);
    }

    public List<AccessKey> accessKeys() {
        return accountList.stream().flatMap(a -> a.keys().stream()).toList();
    }
}
