package dev.dtscontract.server.rpc;

import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.server.model.ErrorResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A rule the domain finds broken becomes the spec's error body, with the status of its code in the spec's catalogue. */
@Singleton
public final class RuleViolationHandler implements ExceptionHandler<RuleViolation, HttpResponse<ErrorResponse>> {

    private final ErrorBodies errors;
    private final java.util.List<ExchangeListener> listeners;

    public RuleViolationHandler(ErrorBodies errors, java.util.List<ExchangeListener> listeners) {
        this.errors = errors;
        this.listeners = java.util.List.copyOf(listeners);
    }

    @Override
    public HttpResponse<ErrorResponse> handle(HttpRequest request, RuleViolation violation) {
        Exchange.of(request).ifPresent(e -> e.refused(violation.ruleId(), violation.code(), violation.isFault()));
        HttpResponse<ErrorResponse> response = errors.respond(request, violation);
        RpcEdge.publish(listeners, request, response);
        return response;
    }
}
