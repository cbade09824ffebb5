package dev.dtscontract.server.control;

import dev.dtscontract.server.control.model.ControlError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A refused control request becomes the control spec's ControlError with its status. */
@Singleton
public final class ControlViolationHandler implements ExceptionHandler<ControlViolation, HttpResponse<ControlError>> {

    @Override
    public HttpResponse<ControlError> handle(HttpRequest request, ControlViolation violation) {
        MutableHttpResponse<ControlError> response = HttpResponse.<ControlError>status(HttpStatus.valueOf(violation.status()))
                .body(violation.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
        ControlHeaders.apply(response);
        return response;
    }
}
