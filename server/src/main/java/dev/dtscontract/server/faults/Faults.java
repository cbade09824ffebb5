package dev.dtscontract.server.faults;

import dev.dtscontract.server.domain.ErrorCode;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Faults a test asked for, for the next matching requests: answer an error code, wait, or apply and drop the
 * connection. The first pending fault that matches a request takes it and counts down; at zero it is gone.
 */
@Singleton
public final class Faults {

    /** What a fault does to the request it takes. */
    public enum Kind {
        /** Answer its error code; nothing is applied. */
        ERROR,
        /** Wait, then handle the request. */
        LATENCY,
        /** Apply the request, then close the connection unanswered. */
        DROP_AFTER_APPLY
    }

    /** A pending fault. {@code action} and {@code dtsJobId} null match any request. */
    public record Fault(String id, Kind kind, ErrorCode code, int latencyMs, int remaining, String action, String dtsJobId) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final List<Fault> pending = new ArrayList<>();
    private volatile boolean empty = true; // read per request without the lock

    public synchronized Fault add(Kind kind, ErrorCode code, int latencyMs, int times, String action, String dtsJobId) {
        Fault fault = new Fault("fault-" + ids.incrementAndGet(), kind, code, latencyMs, times, action, dtsJobId);
        pending.add(fault);
        empty = false;
        return fault;
    }

    /**
     * Takes the first pending fault for a request of this action that names a job {@code namesJob} accepts, counting it
     * down.
     */
    public Optional<Fault> take(String action, Predicate<String> namesJob) {
        if (empty) {
            return Optional.empty();
        }
        synchronized (this) {
            for (int i = 0; i < pending.size(); i++) {
                Fault fault = pending.get(i);
                if ((fault.action() == null || fault.action().equals(action))
                        && (fault.dtsJobId() == null || namesJob.test(fault.dtsJobId()))) {
                    if (fault.remaining() <= 1) {
                        pending.remove(i);
                    } else {
                        pending.set(i, new Fault(fault.id(), fault.kind(), fault.code(), fault.latencyMs(), fault.remaining() - 1,
                                fault.action(), fault.dtsJobId()));
                    }
                    empty = pending.isEmpty();
                    return Optional.of(fault);
                }
            }
            return Optional.empty();
        }
    }

    public synchronized List<Fault> pending() {
        return List.copyOf(pending);
    }

    public synchronized void clear() {
        pending.clear();
        empty = true;
    }
}
