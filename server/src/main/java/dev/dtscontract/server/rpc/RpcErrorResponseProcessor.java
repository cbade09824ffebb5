package dev.dtscontract.server.rpc;

import dev.dtscontract.server.domain.ErrorCodes;
import dev.dtscontract.server.model.ErrorResponse;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Answers every failure the framework catches before our code (routing, binding, validation, body size,
 * media type) with the spec's ErrorResponse instead of Micronaut's own JSON.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class RpcErrorResponseProcessor implements ErrorResponseProcessor<ErrorResponse> {

    private final ErrorBodies errors;

    public RpcErrorResponseProcessor(ErrorBodies errors) {
        this.errors = errors;
    }

    @Override
    public MutableHttpResponse<ErrorResponse> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        int status = base.getStatus().getCode();
        String code;
        String message;
        switch (status) {
            case 404 -> {
                code = ErrorCodes.INVALID_ACTION;
                message = "Specified api is not found, please check your url and method.";
            }
            case 405 -> {
                code = "UnsupportedHTTPMethod";
                message = "This http method is not supported; use GET or POST.";
            }
            case 413 -> {
                code = "RequestTooLarge";
                message = "The request body is too large.";
            }
            case 415 -> {
                code = "UnsupportedMediaType";
                message = "The request body must be application/x-www-form-urlencoded.";
            }
            default -> {
                if (status >= 500) {
                    code = "InternalError";
                    message = "The request processing has failed due to some unknown error.";
                } else {
                    code = context.getRootCause().filter(UnsatisfiedArgumentException.class::isInstance).isPresent()
                            ? ErrorCodes.MISSING_PARAMETER : ErrorCodes.INVALID_PARAMETER;
                    message = describe(context);
                }
            }
        }
        MutableHttpResponse<ErrorResponse> response = errors.respond(context.getRequest(), status, code, message);
        base.getHeaders().forEach((name, values) -> values.forEach(v -> response.header(name, v)));
        return response;
    }

    /** The framework's reason, which names the parameter; never the rejected value of a secret. */
    private static String describe(ErrorContext context) {
        if (context.getRootCause().orElse(null) instanceof ConversionErrorException conversion) {
            return "The specified parameter \"" + conversion.getArgument().getName() + "\" is not valid.";
        }
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return detail.isBlank() ? "The request is not valid." : detail;
    }
}
