package dev.dtscontract.server.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where jobs live. Implementations apply {@link #update} atomically per job. */
public interface JobStore {

    Optional<DtsJob> findByJobId(String dtsJobId);

    Optional<DtsJob> findByInstanceId(String dtsInstanceId);

    /**
     * Replaces the job with {@code change.apply(current)} atomically: no concurrent update of the same
     * job is lost. The change may throw to abort; the job then stays as it was.
     */
    DtsJob update(String dtsJobId, UnaryOperator<DtsJob> change);

    Collection<DtsJob> all();

    /** Adds a job or replaces the one with its DtsJobId; refuses a DtsInstanceId another job has. */
    void put(DtsJob job);

    /** Replaces every job (a reset or a new seed); refuses, changing nothing, a DtsJobId or DtsInstanceId given twice. */
    void replaceAll(Collection<DtsJob> jobs);
}
