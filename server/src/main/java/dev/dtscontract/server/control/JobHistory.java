package dev.dtscontract.server.control;

import dev.dtscontract.server.domain.AppliedChange;
import dev.dtscontract.server.domain.ChangeObserver;
import dev.dtscontract.server.domain.Direction;
import dev.dtscontract.server.domain.JobEndpoint;
import dev.dtscontract.server.domain.JobSide;
import jakarta.inject.Singleton;

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
@Singleton
public final class JobHistory implements ChangeObserver {

    static final int KEPT = 100;

    /** One applied change: the job's version after it, the request, the side and the endpoints before and after. */
    public record Change(long version, String requestId, Instant time, JobSide side, String synchronizationDirection,
                         String accessKeyId, JobEndpoint replaced, JobEndpoint replacement) {

        /** An applied change at a time, each value read by name. */
        static Change of(AppliedChange applied, Instant time) {
            return new Change(applied.after().version(), applied.command().requestId(), time, applied.side(),
                    applied.command().requestedDirection().map(d -> d == Direction.REVERSE ? "Reverse" : "Forward").orElse(null),
                    applied.command().actor().accessKeyId().orElse(null), applied.before().endpoint(applied.side()),
                    applied.after().endpoint(applied.side()));
        }
    }

    private final Map<String, Deque<Change>> byJob = new ConcurrentHashMap<>();
    private final Clock clock;

    public JobHistory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void applied(AppliedChange change) {
        record(change.after().dtsJobId(), Change.of(change, clock.instant()));
    }

    public void record(String dtsJobId, Change change) {
        Deque<Change> changes = byJob.computeIfAbsent(dtsJobId, id -> new ArrayDeque<>());
        synchronized (changes) {
            changes.addLast(change);
            if (changes.size() > KEPT) {
                changes.removeFirst();
            }
        }
    }

    /** Oldest first. */
    public List<Change> of(String dtsJobId) {
        Deque<Change> changes = byJob.get(dtsJobId);
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
