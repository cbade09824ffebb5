package dev.dtscontract.server.storage;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.control.ControlGuard;
import dev.dtscontract.server.control.ControlViews;
import dev.dtscontract.server.control.ControlViolation;
import dev.dtscontract.server.control.EmulatorClock;
import dev.dtscontract.server.control.EmulatorState;
import dev.dtscontract.server.control.JobHistory;
import dev.dtscontract.server.control.api.AbstractSnapshotController;
import dev.dtscontract.server.control.model.JobChanges;
import dev.dtscontract.server.control.model.Seed;
import dev.dtscontract.server.control.model.Snapshot;
import dev.dtscontract.server.control.model.State;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.JobChange;
import dev.dtscontract.server.domain.Secret;
import dev.dtscontract.server.seed.SeedException;
import dev.dtscontract.server.seed.SeedLoader;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The whole state saved and loaded as one document (control rule C-SNAPSHOT): the seed format plus what a seed lacks.
 * Here, beside the data directory, because an export with {@code secrets=include} is the one view that writes secrets
 * as they are (the data directory's package alone reads them). A snapshot sent is read by {@link SeedLoader}, the one
 * reader of the seed format, checked in full before {@link EmulatorState#load(dev.dtscontract.server.seed.Snapshot)}
 * changes anything.
 */
@Controller
public final class SnapshotController extends AbstractSnapshotController {

    private static final String BODY = "request body";

    /** Every secret as it is: for an export the caller asked to include them in. */
    private static final ControlViews.SecretsShown INCLUDED = new ControlViews.SecretsShown() {
        @Override
        public String endpoint(Secret secret) {
            return secret.disclose();
        }

        @Override
        public String keySecret(AccessKey key) {
            return key.credentials().accessKeySecret();
        }

        @Override
        public String securityToken(AccessKey key) {
            return key.securityToken();
        }
    };

    private final EmulatorState state;
    private final JobHistory history;
    private final EmulatorClock clock;

    public SnapshotController(EmulatorState state, JobHistory history, EmulatorClock clock) {
        this.state = state;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public Snapshot exportSnapshot(String secrets) {
        boolean include = "include".equals(secrets);
        if (secrets != null && !include && !"mask".equals(secrets)) {
            throw ControlViolation.invalidParameter("secrets must be mask or include, not " + ControlViolation.shown(secrets));
        }
        ControlViews.SecretsShown shown = include ? INCLUDED : ControlViews.MASKED;
        dev.dtscontract.server.seed.Seed seed = state.seed();
        List<dev.dtscontract.server.control.model.Job> jobs = new ArrayList<>();
        List<JobChanges> histories = new ArrayList<>();
        for (DtsJob listed : sorted(state.jobs().all())) {
            Optional<Versioned> read = versioned(listed.dtsJobId());
            if (read.isEmpty()) {
                continue; // replaced by a reset or a load meanwhile
            }
            DtsJob job = read.get().job();
            jobs.add(ControlViews.seedJob(job, shown));
            if (job.version() > 1 || job.modifyingUntil() != null) {
                histories.add(new JobChanges(job.dtsJobId(), job.version(),
                        read.get().changes().stream().map(c -> ControlViews.change(c, shown)).toList())
                        .modifyingUntil(job.modifyingUntil() == null ? null : job.modifyingUntil().toString()));
            }
        }
        return new Snapshot(dev.dtscontract.server.seed.Snapshot.FORMAT, include ? Snapshot.SecretsEnum.INCLUDED : Snapshot.SecretsEnum.MASKED,
                seedView(seed, shown), state.instances().all().stream().map(ControlViews::instance).toList(), jobs,
                accounts(state.accounts().all(), shown))
                .taken(clock.instant().toString())
                .advancedSeconds(clock.advanced().toSeconds())
                .histories(histories);
    }

    /**
     * A job and the history that led to its version, read so that they agree: a change (recorded in the history inside
     * the job's update) or a put may land between the two reads, so they are read again until they do, a bounded number
     * of times.
     */
    private Optional<Versioned> versioned(String dtsJobId) {
        for (int attempt = 0; ; attempt++) {
            List<JobChange> changes = history.of(dtsJobId);
            Optional<DtsJob> job = state.jobs().findByJobId(dtsJobId);
            if (job.isEmpty()) {
                return Optional.empty();
            }
            long last = changes.isEmpty() ? 1 : changes.get(changes.size() - 1).version();
            if (last == job.get().version() || attempt == AGREEMENT_ATTEMPTS) {
                return Optional.of(new Versioned(job.get(), changes));
            }
            Thread.yield();
        }
    }

    private static final int AGREEMENT_ATTEMPTS = 10_000;

    private record Versioned(DtsJob job, List<JobChange> changes) {
    }

    private static Seed seedView(dev.dtscontract.server.seed.Seed seed, ControlViews.SecretsShown shown) {
        return new Seed().instances(seed.instances().stream().map(ControlViews::instance).toList())
                .jobs(sorted(seed.jobs()).stream().map(job -> ControlViews.seedJob(job, shown)).toList())
                .accounts(accounts(seed.accountList(), shown));
    }

    private static List<dev.dtscontract.server.control.model.Account> accounts(List<Accounts.Account> accounts, ControlViews.SecretsShown shown) {
        return accounts.stream().map(a -> ControlViews.account(a, shown)).toList();
    }

    private static List<DtsJob> sorted(java.util.Collection<DtsJob> jobs) {
        return jobs.stream().sorted(Comparator.comparing(DtsJob::dtsJobId)).toList();
    }

    @Override
    public State loadSnapshot(String ignored) {
        dev.dtscontract.server.seed.Snapshot snapshot;
        try {
            snapshot = SeedLoader.snapshot(ControlGuard.body(ServerRequestContext.currentRequest().orElseThrow()), BODY);
        } catch (SeedException e) {
            throw ControlViolation.invalidSnapshot(e);
        }
        state.load(snapshot);
        return ControlViews.state(state);
    }
}
