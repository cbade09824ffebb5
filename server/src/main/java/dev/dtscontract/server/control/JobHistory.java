package dev.dtscontract.server.control;

import dev.dtscontract.server.domain.AppliedChange;
import dev.dtscontract.server.domain.ChangeObserver;
import dev.dtscontract.server.domain.Direction;
import dev.dtscontract.server.domain.JobEndpoint;
import dev.dtscontract.server.domain.JobSide;

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

    public static final int KEPT = 100;

    /** One applied change: the job's version after it, the request, the side and the endpoints before and after. */
    public record Change(long version, String requestId, Instant time, JobSide side, String synchronizationDirection,
                         String accessKeyId, JobEndpoint replaced, JobEndpoint replacement) {

        /** An applied change at a time, each value read by name. */
        static Change of(AppliedChange applied, Instant time) {
            return builder().version(applied.after().version()).requestId(applied.command().requestId()).time(time)
                    .side(applied.side())
                    .synchronizationDirection(applied.command().requestedDirection()
                            .map(d -> d == Direction.REVERSE ? "Reverse" : "Forward").orElse(null))
                    .accessKeyId(applied.command().actor().accessKeyId().orElse(null))
                    .replaced(applied.before().endpoint(applied.side()))
                    .replacement(applied.after().endpoint(applied.side()))
                    .build();
        }

        public static Builder builder() {
            return new Builder();
        }

        /** A change built by name (the durable store reads one back). */
        public static final class Builder {
            private long version;
            private String requestId;
            private Instant time;
            private JobSide side;
            private String synchronizationDirection;
            private String accessKeyId;
            private JobEndpoint replaced;
            private JobEndpoint replacement;

            private Builder() {
            }

            public Builder version(long version) {
                this.version = version;
                return this;
            }

            public Builder requestId(String requestId) {
                this.requestId = requestId;
                return this;
            }

            public Builder time(Instant time) {
                this.time = time;
                return this;
            }

            public Builder side(JobSide side) {
                this.side = side;
                return this;
            }

            public Builder synchronizationDirection(String synchronizationDirection) {
                this.synchronizationDirection = synchronizationDirection;
                return this;
            }

            public Builder accessKeyId(String accessKeyId) {
                this.accessKeyId = accessKeyId;
                return this;
            }

            public Builder replaced(JobEndpoint replaced) {
                this.replaced = replaced;
                return this;
            }

            public Builder replacement(JobEndpoint replacement) {
                this.replacement = replacement;
                return this;
            }

            public Change build() {
                return new Change(version, requestId, time, side, synchronizationDirection, accessKeyId, replaced, replacement);
            }
        }
    }

    private final Map<String, Deque<Change>> byJob = new ConcurrentHashMap<>();
    private final Clock clock;

    public JobHistory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void applied(AppliedChange change) {
        record(change.after().dtsJobId(), changeOf(change));
    }

    /** The history entry of an applied change, timed now by the emulator's clock. */
    public Change changeOf(AppliedChange change) {
        return Change.of(change, clock.instant());
    }

    /** Every job's changes as a restart reads them back (oldest first), in place of what it holds. */
    public void restore(Map<String, List<Change>> histories) {
        byJob.clear();
        histories.forEach((job, changes) -> changes.forEach(change -> record(job, change)));
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
