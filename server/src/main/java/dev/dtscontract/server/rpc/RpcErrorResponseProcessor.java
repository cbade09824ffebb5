package dev.dtscontract.server.rpc;

import dev.dtscontract.signing.UrlEncoded;
import io.micronaut.http.HttpResponse;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.server.model.ErrorResponse;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;

import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Answers what the framework refuses before the edge sees a request (a request line, headers or body over the
 * limits of rule R-HTTP, a request target that is not a URI) and anything unexpected, with the spec's
 * ErrorResponse and a status the spec declares, instead of Micronaut's own JSON.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class RpcErrorResponseProcessor implements ErrorResponseProcessor<Object> {

    private final ErrorBodies errors;
    private final java.util.List<OtherSurface> others;

    public RpcErrorResponseProcessor(ErrorBodies errors, java.util.List<OtherSurface> others) {
        this.errors = errors;
        this.others = java.util.List.copyOf(others);
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpRequest<?> request = context.getRequest();
        Optional<Throwable> cause = context.getRootCause().or(() -> RequestLine.decoderFailure(request));
        boolean badTarget = cause.orElse(null) instanceof URISyntaxException;
        String target = badTarget ? ((URISyntaxException) cause.get()).getInput() : request.getPath();
        if (target != null && Exchange.of(request).isEmpty()) {
            // A request of another surface the framework refused (no such route, a body it could not read, a target that
            // is not a URI): that surface's own error.
            for (OtherSurface other : others) {
                Optional<MutableHttpResponse<Object>> answer = other.frameworkRefusal(target, base.getStatus().getCode(), badTarget);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        }
        int status = base.getStatus().getCode();
        MutableHttpResponse<ErrorResponse> response;
        if (cause.orElse(null) instanceof URISyntaxException notAUri) {
            RuleViolation violation = notEncoded(request, notAUri);
            response = errors.respond(request, violation);
        } else if (cause.orElse(null) instanceof TooLongHttpLineException) {
            response = errors.respond(request, new RuleViolation("R-HTTP", ErrorCode.URI_TOO_LONG));
        } else if (cause.orElse(null) instanceof TooLongHttpHeaderException) {
            response = errors.respond(request, new RuleViolation("R-HTTP", ErrorCode.HEADERS_TOO_LARGE));
        } else if (status == 413 || cause.orElse(null) instanceof TooLongFrameException) {
            response = errors.respond(request, RpcBodyLimit.tooLarge());
        } else if (status < 500) {
            response = errors.respond(request, new RuleViolation("R-HTTP", ErrorCode.INVALID_PARAMETER, "The request is not valid HTTP/1.1."));
        } else {
            response = errors.respond(request, new RuleViolation("R-HTTP", ErrorCode.INTERNAL_ERROR));
        }
        base.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> answer = (MutableHttpResponse<Object>) (MutableHttpResponse<?>) response;
        return answer;
    }

    /**
     * R-ENCODING for a request target Micronaut could not read as a URI: names the parameter that holds the bad
     * escape or the character that must be percent-encoded, and answers in the format the query asked for.
     */
    private static RuleViolation notEncoded(HttpRequest<?> request, URISyntaxException notAUri) {
        String target = notAUri.getInput();
        int question = target.indexOf('?');
        String query = question < 0 ? "" : target.substring(question + 1);
        UrlEncoded.Decoded decoded = UrlEncoded.decode(query);
        ResponseFormat.asked(decoded, UrlEncoded.decode(null)).decideFor(request);
        String culprit;
        if (!decoded.malformed().isEmpty()) {
            culprit = decoded.malformed().get(0);
        } else if (question >= 0 && notAUri.getIndex() > question) {
            int at = notAUri.getIndex() - question - 1;
            int start = query.lastIndexOf('&', at) + 1;
            int end = query.indexOf('=', start);
            culprit = query.substring(start, end < 0 || end > at ? Math.max(start, at) : end);
        } else {
            return new RuleViolation("R-ENCODING", ErrorCode.INVALID_PARAMETER,
                    "The request path is not a valid URI path; it must be /.");
        }
        return RuleViolation.invalid("R-ENCODING", culprit,
                "it is not correctly percent-encoded (RFC 3986, UTF-8).");
    }
}
