package dev.dtscontract.server.storage;

import dev.dtscontract.server.rpc.ErrorBodies;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.reactivestreams.Publisher;

/**
 * C-DURABLE for every answer, registered once: with a data directory, no answer leaves before everything written so
 * far (its request's nonce and change among it) is forced to disk. No thread waits: the data directory's flusher
 * completes the answers a force covered, so concurrent answers share one flush and the server's threads go on. If the disk refused a record, the answer is
 * ServiceUnavailable instead: nothing is acknowledged that was not kept. Absent without a data directory.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(beans = DataDirectory.class)
public final class DurableAnswers implements Ordered {

    private final DataDirectory data;
    private final ErrorBodies errors;

    public DurableAnswers(DataDirectory data, ErrorBodies errors) {
        this.data = data;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        // Its place among the filters does not matter: no answer is written before every response filter is done.
        return LOWEST_PRECEDENCE;
    }

    @ResponseFilter
    public Publisher<MutableHttpResponse<?>> whenDurable(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return Publishers.fromCompletableFuture(() -> data.writtenSoFar().handle((forced, failure) -> failure == null
                ? response
                : errors.respond(request, DataDirectory.notAcknowledged())));
    }
}
