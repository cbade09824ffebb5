package dev.dtscontract.server.control;

import dev.dtscontract.server.faults.Faults;
import dev.dtscontract.server.journal.Journal;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.domain.DatabaseInstance;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.InstanceCatalogue;
import dev.dtscontract.server.domain.JobStore;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.Snapshot;
import jakarta.inject.Singleton;

/**
 * The emulator's state as the test-control API changes it (rule C-RESET, C-SEED, C-ENTITY): the seed a reset returns
 * to, and the stores the operation reads. Changes are serialised with each other; requests keep being answered.
 */
@Singleton
public final class EmulatorState {

    private final JobStore jobs;
    private final InstanceCatalogue instances;
    private final Accounts accounts;
    private final Journal journal;
    private final JobHistory history;
    private final Faults faults;
    private final EmulatorClock clock;
    private final StateListener listener;
    private volatile Seed seed;

    public EmulatorState(Seed seed, JobStore jobs, InstanceCatalogue instances, Accounts accounts, Journal journal,
                         JobHistory history, Faults faults, EmulatorClock clock, StateListener listener) {
        this.clock = clock;
        this.listener = listener;
        this.seed = seed;
        this.jobs = jobs;
        this.instances = instances;
        this.accounts = accounts;
        this.journal = journal;
        this.history = history;
        this.faults = faults;
    }

    /** Back to the seed last loaded; journal, history and faults emptied. Nonces and throttling are kept (C-RESET). */
    public synchronized void reset() {
        backToSeed();
        listener.reset();
    }

    private void backToSeed() {
        jobs.replaceAll(seed.jobs());
        instances.replaceAll(seed.instances());
        accounts.replaceAll(seed.accountList());
        journal.clear();
        history.clear();
        faults.clear();
    }

    /** A checked seed becomes the state, and what later resets return to. */
    public synchronized void load(Seed next) {
        this.seed = next;
        backToSeed();
        listener.loaded(next);
    }

    /**
     * A checked snapshot becomes the state, its seed what later resets return to (C-SNAPSHOT): the jobs at their
     * versions with their histories; journal and faults emptied, nonces kept; the clock moved forward to the snapshot's
     * advance when that is further ahead, never back (C-CLOCK).
     */
    public synchronized void load(Snapshot snapshot) {
        this.seed = snapshot.seed();
        jobs.replaceAll(snapshot.jobs());
        instances.replaceAll(snapshot.instances());
        accounts.replaceAll(snapshot.accounts());
        journal.clear();
        faults.clear();
        history.restore(snapshot.histories());
        java.time.Duration behind = snapshot.advanced().minus(clock.advanced());
        if (!behind.isNegative() && !behind.isZero()) {
            clock.advance(behind);
        }
        listener.snapshotLoaded(snapshot, clock.advanced());
    }

    /**
     * Moves the clock forward (C-CLOCK); the total it is now ahead.
     *
     * @throws IllegalArgumentException when {@code by} is not positive or the total would pass the limit
     */
    public synchronized java.time.Duration advanceClock(java.time.Duration by) {
        java.time.Duration offset = clock.advance(by);
        listener.clockAdvanced(offset);
        return offset;
    }

    public Seed seed() {
        return seed;
    }

    /** Adds or replaces a job: version 1, no history. */
    public synchronized void put(DtsJob job) {
        jobs.put(job);
        history.forget(job.dtsJobId());
        listener.jobPut(job);
    }

    public synchronized void put(DatabaseInstance instance) {
        instances.put(instance);
        listener.instancePut(instance);
    }

    public synchronized void put(Accounts.Account account) {
        accounts.put(account);
        listener.accountPut(account);
    }

    public synchronized Accounts.Account put(dev.dtscontract.server.auth.AccessKey key) {
        Accounts.Account account = accounts.putKey(key);
        listener.keyPut(key);
        return account;
    }

    public JobStore jobs() {
        return jobs;
    }

    public InstanceCatalogue instances() {
        return instances;
    }

    public Accounts accounts() {
        return accounts;
    }
}
