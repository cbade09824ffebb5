package dev.dtscontract.server.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A thread-safe {@link JobStore}: ConcurrentHashMap.compute serialises updates of one job. A reset swaps the whole
 * index at once; adding a job (rare, from tests) is serialised with it.
 */
public final class InMemoryJobStore implements JobStore {

    private record Index(Map<String, DtsJob> byJobId, Map<String, String> jobIdByInstanceId) {
    }

    private volatile Index index;

    public InMemoryJobStore(Collection<DtsJob> jobs) {
        this.index = indexOf(jobs);
    }

    private static Index indexOf(Collection<DtsJob> jobs) {
        Index index = new Index(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        jobs.forEach(job -> {
            if (index.byJobId().putIfAbsent(job.dtsJobId(), job) != null) {
                throw new IllegalArgumentException("duplicate DtsJobId " + job.dtsJobId());
            }
            if (index.jobIdByInstanceId().putIfAbsent(job.dtsInstanceId(), job.dtsJobId()) != null) {
                throw new IllegalArgumentException("duplicate DtsInstanceId " + job.dtsInstanceId());
            }
        });
        return index;
    }

    @Override
    public Optional<DtsJob> findByJobId(String dtsJobId) {
        return Optional.ofNullable(index.byJobId().get(dtsJobId));
    }

    @Override
    public Optional<DtsJob> findByInstanceId(String dtsInstanceId) {
        Index current = index;
        return Optional.ofNullable(current.jobIdByInstanceId().get(dtsInstanceId)).map(current.byJobId()::get);
    }

    @Override
    public DtsJob update(String dtsJobId, UnaryOperator<DtsJob> change) {
        DtsJob updated = index.byJobId().computeIfPresent(dtsJobId, (id, current) -> change.apply(current));
        if (updated == null) {
            throw new NoSuchElementException("no job " + dtsJobId);
        }
        return updated;
    }

    @Override
    public Collection<DtsJob> all() {
        return List.copyOf(index.byJobId().values());
    }

    @Override
    public synchronized void put(DtsJob job) {
        Index current = index;
        String holder = current.jobIdByInstanceId().get(job.dtsInstanceId());
        if (holder != null && !holder.equals(job.dtsJobId())) {
            throw new IllegalArgumentException("DtsInstanceId " + job.dtsInstanceId() + " belongs to job " + holder);
        }
        DtsJob previous = current.byJobId().put(job.dtsJobId(), job);
        if (previous != null && !previous.dtsInstanceId().equals(job.dtsInstanceId())) {
            current.jobIdByInstanceId().remove(previous.dtsInstanceId());
        }
        current.jobIdByInstanceId().put(job.dtsInstanceId(), job.dtsJobId());
    }

    @Override
    public synchronized void replaceAll(Collection<DtsJob> jobs) {
        index = indexOf(jobs);
    }
}
