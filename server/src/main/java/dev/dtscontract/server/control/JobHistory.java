package dev.dtscontract.server.control;

import dev.dtscontract.server.domain.AppliedChange;
import dev.dtscontract.server.domain.ChangeObserver;
import dev.dtscontract.server.domain.JobChange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The changes applied to each job since it was seeded or put, the last {@value #KEPT} per job. It observes the
 * operations' applied changes (a {@link ChangeObserver}, inside each job's atomic update), so it is in version order.
 */
public final class JobHistory implements ChangeObserver {

    public static final int KEPT = JobChange.KEPT;

    private final Map<String, Deque<JobChange>> byJob = new ConcurrentHashMap<>();
    private final Clock clock;

    public JobHistory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void applied(AppliedChange change) {
        record(change.after().dtsJobId(), changeOf(change));
    }

    /** The history entry of an applied change, timed now by the emulator's clock. */
    public JobChange changeOf(AppliedChange change) {
        return JobChange.of(change, clock.instant());
    }

    /** Every job's changes as a restart reads them back (oldest first), in place of what it holds. */
    public void restore(Map<String, List<JobChange>> histories) {
        byJob.clear();
        histories.forEach((job, changes) -> changes.forEach(change -> record(job, change)));
    }

    public void record(String dtsJobId, JobChange change) {
        Deque<JobChange> changes = byJob.computeIfAbsent(dtsJobId, id -> new ArrayDeque<>());
        synchronized (changes) {
            changes.addLast(change);
            if (changes.size() > KEPT) {
                changes.removeFirst();
            }
        }
    }

    /** Oldest first. */
    public List<JobChange> of(String dtsJobId) {
        Deque<JobChange> changes = byJob.get(dtsJobId);
        if (changes == null) {
            return List.of();
        }
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    void forget(String dtsJobId) {
        byJob.remove(dtsJobId);
    }

    void clear() {
        byJob.clear();
    }
}
