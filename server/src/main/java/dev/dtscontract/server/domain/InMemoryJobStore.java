package dev.dtscontract.server.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** A thread-safe {@link JobStore}: ConcurrentHashMap.compute serialises updates of one job. */
public final class InMemoryJobStore implements JobStore {

    private final Map<String, DtsJob> byJobId = new ConcurrentHashMap<>();
    private final Map<String, String> jobIdByInstanceId = new ConcurrentHashMap<>();

    public InMemoryJobStore(Collection<DtsJob> jobs) {
        jobs.forEach(job -> {
            if (byJobId.putIfAbsent(job.dtsJobId(), job) != null) {
                throw new IllegalArgumentException("duplicate DtsJobId " + job.dtsJobId());
            }
            if (jobIdByInstanceId.putIfAbsent(job.dtsInstanceId(), job.dtsJobId()) != null) {
                throw new IllegalArgumentException("duplicate DtsInstanceId " + job.dtsInstanceId());
            }
        });
    }

    @Override
    public Optional<DtsJob> findByJobId(String dtsJobId) {
        return Optional.ofNullable(byJobId.get(dtsJobId));
    }

    @Override
    public Optional<DtsJob> findByInstanceId(String dtsInstanceId) {
        return Optional.ofNullable(jobIdByInstanceId.get(dtsInstanceId)).flatMap(this::findByJobId);
    }

    @Override
    public DtsJob update(String dtsJobId, UnaryOperator<DtsJob> change) {
        DtsJob updated = byJobId.computeIfPresent(dtsJobId, (id, current) -> change.apply(current));
        if (updated == null) {
            throw new NoSuchElementException("no job " + dtsJobId);
        }
        return updated;
    }

    @Override
    public Collection<DtsJob> all() {
        return List.copyOf(byJobId.values());
    }
}
