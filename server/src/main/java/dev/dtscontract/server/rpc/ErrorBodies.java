package dev.dtscontract.server.rpc;

import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.server.model.ErrorResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/** Builds the spec's ErrorResponse for a code, with the status the spec's catalogue gives it, in the requested format. */
@io.micronaut.context.annotation.Context
public final class ErrorBodies {

    private static final String HOST_ID = "dts.aliyuncs.com";

    private final java.util.EnumMap<ErrorCode, Integer> statuses = new java.util.EnumMap<>(ErrorCode.class);
    /** Per code, the message of its first example for each rule ("" for an example naming none), in the spec's order. */
    private final java.util.EnumMap<ErrorCode, java.util.Map<String, String>> messages = new java.util.EnumMap<>(ErrorCode.class);

    /** Refuses to start when the emulator could raise a code the spec's catalogue does not list. */
    public ErrorBodies(SpecContract contract) {
        java.util.Map<String, ErrorCode> byWire = new java.util.HashMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            statuses.put(code, contract.statusOf(code.wire()).orElseThrow(() -> new IllegalStateException("The emulator raises "
                    + code.wire() + ", which the spec's error catalogue does not list (add an example under the response of its status)")));
            byWire.put(code.wire(), code);
            messages.put(code, new java.util.LinkedHashMap<>());
        }
        for (SpecContract.CatalogueEntry example : contract.errorExamples()) {
            ErrorCode code = byWire.get(example.code());
            if (code != null) {
                messages.get(code).putIfAbsent(example.rule() == null ? "" : example.rule(), example.message());
            }
        }
    }

    /**
     * The message a violation is answered with: its own, or (raised without one) the spec's example message for its code
     * and rule, else its code's first example's. Every code has one: its status comes from those same examples
     * ({@code SpecContract.statusOf}), and the constructor refuses to start without it.
     */
    public String message(RuleViolation violation) {
        if (violation.getMessage() != null) {
            return violation.getMessage();
        }
        java.util.Map<String, String> ofCode = messages.get(violation.code());
        String ofRule = ofCode.get(violation.ruleId());
        return ofRule != null ? ofRule : ofCode.values().iterator().next();
    }

    /** The response for a violation: its code's status, its message (see {@link #message}). */
    public MutableHttpResponse<ErrorResponse> respond(HttpRequest<?> request, RuleViolation violation) {
        return respond(request, violation.code(), message(violation));
    }

    /** The response for a code, with the status the spec's catalogue gives it. */
    private MutableHttpResponse<ErrorResponse> respond(HttpRequest<?> request, ErrorCode code, String message) {
        int status = statuses.get(code);
        // The generated constructor takes the required properties by position; each is set by name after it.
        ErrorResponse body = new ErrorResponse(null, null, null, null, null, null, null)
                .code(code.wire())
                .message(message)
                .requestId(RequestIds.of(request))
                .success(false)
                .errCode(code.wire())
                .errMessage(message)
                .httpStatusCode(Integer.toString(status))
                .hostId(HOST_ID);
        return HttpResponse.<ErrorResponse>status(HttpStatus.valueOf(status)).body(body)
                .contentType(ResponseFormat.of(request).mediaType());
    }
}
