package dev.dtscontract.server.domain;

import java.time.Instant;

/**
 * A DTS synchronization or migration job as the emulator holds it. Immutable: a change yields a new
 * value with a higher version.
 */
public record DtsJob(
        String dtsJobId,
        String dtsInstanceId,
        String regionId,
        String resourceGroupId,
        String ownerAccountId,
        JobKind kind,
        String status,
        int latencySeconds,
        Instant checkpoint,
        JobEndpoint source,
        JobEndpoint destination,
        long version,
        Instant modifyingUntil) {

    /** The status DTS shows at {@code now}: Modifying until a change has settled (R-READ-STATUS), else {@link #status}. */
    public String statusAt(Instant now) {
        return modifyingUntil != null && now.isBefore(modifyingUntil) ? MODIFYING : status;
    }

    /** The status Alibaba documents for a task being changed. */
    public static final String MODIFYING = "Modifying";

    /** The database on the given side of the forward task. */
    public JobEndpoint endpoint(JobSide side) {
        return side == JobSide.SOURCE ? source : destination;
    }

    /**
     * R-OFFSET-ROLLBACK: the job with one side replaced, the checkpoint 10 seconds back, the version bumped; and
     * (R-READ-STATUS) Modifying until {@code settledAt}, its status before the change after it.
     */
    public DtsJob withEndpoint(JobSide side, JobEndpoint replacement, Instant settledAt) {
        return new DtsJob(dtsJobId, dtsInstanceId, regionId, resourceGroupId, ownerAccountId, kind, status,
                latencySeconds, checkpoint.minusSeconds(OFFSET_ROLLBACK_SECONDS),
                side == JobSide.SOURCE ? replacement : source,
                side == JobSide.DESTINATION ? replacement : destination,
                version + 1, settledAt);
    }

    /**
     * The job as it stood after {@code version - 1} applied changes, Modifying until {@code modifyingUntil} (or not at
     * all when null): a job read back from a snapshot.
     */
    public DtsJob at(long version, Instant modifyingUntil) {
        if (version < 1) {
            throw new IllegalArgumentException("a job's version is at least 1, not " + version);
        }
        return new DtsJob(dtsJobId, dtsInstanceId, regionId, resourceGroupId, ownerAccountId, kind, status,
                latencySeconds, checkpoint, source, destination, version, modifyingUntil);
    }

    /** How far DTS rolls the incremental write offset back after a change (R-OFFSET-ROLLBACK). */
    public static final long OFFSET_ROLLBACK_SECONDS = 10;
}
