package dev.dtscontract.server.rpc;

import dev.dtscontract.server.domain.ErrorCode;
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

    /** The response for a code; every ErrorCode is in the catalogue (SpecContract checks it at start). */
    public MutableHttpResponse<ErrorResponse> respond(HttpRequest<?> request, ErrorCode code, String message) {
        int status = contract.statusOf(code);
        ErrorResponse body = new ErrorResponse(code.wire(), message, RequestIds.of(request), false, code.wire(), message,
                Integer.toString(status))
                .hostId(HOST_ID);
        return HttpResponse.<ErrorResponse>status(HttpStatus.valueOf(status)).body(body)
                .contentType(ResponseFormat.of(request).mediaType());
    }
}
