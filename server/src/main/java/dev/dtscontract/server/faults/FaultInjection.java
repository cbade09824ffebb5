package dev.dtscontract.server.faults;

import dev.dtscontract.server.domain.JobStore;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.server.rpc.Exchange;
import dev.dtscontract.server.rpc.RpcCall;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The test-control API's faults, around every operation: after the edge admitted a request (so only authenticated
 * requests meet a fault), the first pending fault that matches it applies. ERROR answers its code; LATENCY delays the
 * request without holding any thread (the rest of the request runs when a timer fires, so concurrent delays each take
 * their own time and the event loops stay free); DROP_AFTER_APPLY lets the operation run, then closes the connection
 * instead of answering.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class FaultInjection implements Ordered {

    private static final String DROP = "dts.fault.drop";

    private final Faults faults;
    private final JobStore jobs;

    public FaultInjection(Faults faults, JobStore jobs) {
        this.faults = faults;
        this.jobs = jobs;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100; // after the edge, which admits the RpcCall
    }

    /**
     * Null (go on at once) for a request no fault matches: a future on every request would cost each one a reactive
     * subscription (Micronaut converts a non-null future to a Publisher). A LATENCY fault returns a future that a timer
     * completes with the request.
     */
    @RequestFilter
    @Nullable
    public CompletableFuture<@Nullable HttpRequest<?>> before(HttpRequest<?> request) {
        RpcCall call = RpcCall.of(request).orElse(null);
        Faults.Fault fault = call == null ? null : faults.take(call.value("Action"), jobId -> names(call, jobId)).orElse(null);
        if (fault == null) {
            return null;
        }
        if (fault.kind() == Faults.Kind.ERROR) {
            throw new RuleViolation(RuleViolation.FAULT, fault.code(), "Injected by the test-control API: " + fault.code().wire());
        }
        if (fault.kind() == Faults.Kind.DROP_AFTER_APPLY) {
            request.setAttribute(DROP, Boolean.TRUE);
            return null;
        }
        Executor later = CompletableFuture.delayedExecutor(fault.latencyMs(), TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> request, later);
    }

    /**
     * A DROP_AFTER_APPLY fault: the operation ran; the connection closes before anything is written (the edge closes it
     * once the journal has the request).
     */
    @ResponseFilter
    public void after(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(DROP, Boolean.class).orElse(false)) {
            // Only an answered operation is dropped; a refusal is answered as it would be without the fault.
            Exchange.of(request).filter(exchange -> exchange.ending() != Exchange.Ending.REFUSED).ifPresent(exchange -> {
                exchange.faulted();
                exchange.dropConnection();
            });
        }
    }

    /** Whether the call names the job: by DtsJobId, or by the DtsInstanceId of that job. */
    private boolean names(RpcCall call, String dtsJobId) {
        if (dtsJobId.equals(call.value("DtsJobId"))) {
            return true;
        }
        String instanceId = call.value("DtsInstanceId");
        return instanceId != null && jobs.findByInstanceId(instanceId).map(j -> j.dtsJobId().equals(dtsJobId)).orElse(false);
    }
}
