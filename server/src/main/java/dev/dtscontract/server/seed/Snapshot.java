package dev.dtscontract.server.seed;

import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.JobChange;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A parsed, checked snapshot (control rule C-SNAPSHOT): the seed a reset returns to, the state (jobs at their versions),
 * each changed job's history (oldest first), and how far the clock was advanced.
 */
public record Snapshot(Seed seed, List<DatabaseInstance> instances, List<DtsJob> jobs, List<Accounts.Account> accounts,
                       Map<String, List<JobChange>> histories, Duration advanced) {

    /** The snapshot format this emulator writes, and the newest it reads. */
    public static final int FORMAT = 1;

    /** Where a loaded snapshot's seed came from, as the state shows it. */
    public static final String SOURCE = "snapshot";

    public Snapshot {
        instances = List.copyOf(instances);
        jobs = List.copyOf(jobs);
        accounts = List.copyOf(accounts);
        histories = Map.copyOf(histories);
    }
}
