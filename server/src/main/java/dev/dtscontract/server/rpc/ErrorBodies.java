package dev.dtscontract.server.rpc;

import dev.dtscontract.server.model.ErrorResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/** Builds the spec's ErrorResponse for a code, with the status the spec's catalogue gives it, in the requested format. */
@Singleton
public final class ErrorBodies {

    private static final String HOST_ID = "dts.aliyuncs.com";

    private final SpecContract contract;

    public ErrorBodies(SpecContract contract) {
        this.contract = contract;
    }

    /** The response for a catalogued code; an uncatalogued one is a bug of the emulator and fails loudly. */
    public MutableHttpResponse<ErrorResponse> respond(HttpRequest<?> request, String code, String message) {
        int status = contract.statusOf(code)
                .orElseThrow(() -> new IllegalStateException("error code " + code + " is not in the spec's catalogue"));
        return respond(request, status, code, message);
    }

    /** The response for a code with an explicit status (framework-level failures outside the catalogue). */
    public MutableHttpResponse<ErrorResponse> respond(HttpRequest<?> request, int status, String code, String message) {
        ErrorResponse body = new ErrorResponse(code, message, RequestIds.of(request), false, code, message,
                Integer.toString(status))
                .hostId(HOST_ID);
        return HttpResponse.<ErrorResponse>status(HttpStatus.valueOf(status)).body(body)
                .contentType(ResponseFormat.of(request));
    }
}
