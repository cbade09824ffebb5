package dev.dtscontract.server.rpc;

import dev.dtscontract.server.auth.Authenticator;
import dev.dtscontract.server.auth.Caller;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.Printable;
import dev.dtscontract.server.domain.RuleViolation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.net.URI;
import java.util.Map;

/**
 * The emulator's only way in. Runs before routing, for every path and method, and either refuses the request
 * (a {@link RuleViolation}, answered with the spec's error body) or admits it as an {@link RpcCall}: exactly GET or POST, on `/`, a POST body empty
 * or form-encoded, query and form decoded once, every value checked against the spec, the caller authenticated.
 * Nothing after it decides again: the response format is fixed here, and the controller reads the RpcCall,
 * not the generated interface's bound arguments.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RpcEdge implements Ordered {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    private final RpcParameters parameters;
    private final Authenticator authenticator;
    private final ErrorBodies errors;

    public RpcEdge(SpecContract contract, Authenticator authenticator, ErrorBodies errors) {
        this.parameters = new RpcParameters(contract.parameters());
        this.authenticator = authenticator;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    /**
     * The admitted request to go on with (rewritten to its canonical parameters where needed), or a
     * {@link RuleViolation} saying why it is refused, answered by {@link RuleViolationHandler} in the format decided here.
     */
    @PreMatching
    @RequestFilter
    public HttpRequest<?> admit(HttpRequest<?> request, @Nullable @Body String body) {
        RequestIds.of(request);
        RequestLine line = RequestLine.of(request);
        String method = line.method();
        boolean post = "POST".equals(method);
        boolean hasBody = body != null && !body.isEmpty();
        UrlEncoded.Decoded query = UrlEncoded.decode(line.rawQuery());
        UrlEncoded.Decoded form = post && hasBody && isForm(request) ? UrlEncoded.decode(body) : UrlEncoded.decode(null);
        ResponseFormat format = ResponseFormat.asked(query, form);
        format.decideFor(request);

        if (!post && !"GET".equals(method)) {
            throw new RuleViolation("R-HTTP", ErrorCode.UNSUPPORTED_HTTP_METHOD,
                    "The HTTP method " + Printable.of(method) + " is not supported; use GET or POST.");
        }
        if (!"/".equals(line.rawPath())) {
            throw new RuleViolation("R-HTTP", ErrorCode.INVALID_ACTION, "Specified api is not found, please check your url and method.");
        }
        if (hasBody && !(post && isForm(request))) {
            throw new RuleViolation("R-HTTP", ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The request body must be empty or application/x-www-form-urlencoded.");
        }
        Map<String, String> sent = parameters.merge(query, form);
        Map<String, String> canonical = parameters.canonicalize(sent);
        Caller caller = authenticator.authenticate(method, sent);
        new RpcCall(canonical, format, caller, parameters).attachTo(request);
        return asCanonical(request, post, hasBody || !canonical.equals(sent), canonical);
    }

    /**
     * The generated interface binds its arguments from the request, though the controller reads the RpcCall: give
     * it the canonical parameters in the query so binding cannot fail, and nothing for the router to refuse on
     * (the format is the Format parameter's, not Accept's; an empty POST body is form-encoded whatever it says).
     */
    private static HttpRequest<?> asCanonical(HttpRequest<?> request, boolean post, boolean rewrite, Map<String, String> canonical) {
        boolean acceptsOther = request.getHeaders().contains(HttpHeaders.ACCEPT);
        boolean typeOther = post && !isForm(request);
        if (!rewrite && !acceptsOther && !typeOther) {
            return request;
        }
        MutableHttpRequest<?> mutable = request.mutate();
        mutable.getHeaders().remove(HttpHeaders.ACCEPT);
        if (typeOther) {
            mutable.getHeaders().set(HttpHeaders.CONTENT_TYPE, FORM);
        }
        if (rewrite) {
            mutable.uri(URI.create("/?" + UrlEncoded.encode(canonical)));
        }
        return mutable;
    }

    /** Exactly application/x-www-form-urlencoded (parameters such as charset aside), however the header is cased. */
    private static boolean isForm(HttpRequest<?> request) {
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return ParameterDefinition.equalsIgnoreAsciiCase(FORM, type);
    }

    /** Every response speaks the format the request asked for. */
    @ResponseFilter
    public void renderInRequestedFormat(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getBody().isPresent()) {
            response.contentType(ResponseFormat.of(request).mediaType());
        }
    }
}
