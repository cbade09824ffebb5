package dev.dtscontract.server.rpc;

import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.spec.ParameterDefinition;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.server.auth.AcsRequest;
import dev.dtscontract.server.auth.Authenticator;
import dev.dtscontract.server.auth.Caller;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.Printable;
import dev.dtscontract.server.domain.RuleViolation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's only way in. Runs before routing, for every path and method, and either refuses the request (a
 * {@link RuleViolation}, answered with the spec's error body) or admits it as an {@link RpcCall}: exactly GET or
 * POST, on `/`, a POST body empty or form-encoded, query, form and (signature V3) x-acs-* headers decoded once,
 * every value checked against the spec, the caller authenticated by whichever signature the request carries.
 * Nothing after it decides again: the response format is fixed here, and the controller reads the RpcCall.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RpcEdge implements Ordered {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;
    private static final String ACS_ACTION = "x-acs-action";
    private static final String ACS_VERSION = "x-acs-version";

    private final RpcParameters parameters;
    private final Authenticator authenticator;
    private final List<OtherSurface> others;
    private final List<ExchangeListener> listeners;

    public RpcEdge(SpecContract contract, Authenticator authenticator, List<OtherSurface> others, List<ExchangeListener> listeners) {
        this.parameters = new RpcParameters(contract.parameters());
        this.authenticator = authenticator;
        this.others = List.copyOf(others);
        this.listeners = List.copyOf(listeners);
    }

    /** The other surface whose path this is, or null for the operations' surface. */
    static OtherSurface otherSurface(List<OtherSurface> others, String rawPath) {
        for (OtherSurface other : others) {
            if (other.serves(rawPath)) {
                return other;
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 1; // after RpcBodyLimit, which refuses a body too large to read
    }

    /**
     * The admitted request to go on with, or a {@link RuleViolation} saying why it is refused, answered by
     * {@link RuleViolationHandler} in the format decided here.
     */
    @PreMatching
    @RequestFilter
    public HttpRequest<?> admit(HttpRequest<?> request, @Nullable @Body byte[] body) {
        RequestLine line = RequestLine.of(request);
        OtherSurface other = otherSurface(others, line.rawPath());
        if (other != null) { // the test-control API, apart from the RPC surface (its own guard)
            return other.admit(request, body);
        }
        RequestIds.of(request);
        String method = line.method();
        Exchange exchange = Exchange.start(request, method, line.rawPath());
        boolean post = "POST".equals(method);
        boolean hasBody = body != null && body.length > 0;
        UrlEncoded.Decoded query = UrlEncoded.decode(line.rawQuery());
        String formText = post && hasBody && isForm(request) ? new String(body, StandardCharsets.UTF_8) : null;
        UrlEncoded.Decoded form = UrlEncoded.decode(formText);
        exchange.received(line.rawQuery(), formText);
        ResponseFormat format = ResponseFormat.asked(query, form);
        format.decideFor(request);
        // Signature V3 is told apart by its Authorization header: V2 requests of current SDKs carry x-acs-action too.
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);

        if (!post && !"GET".equals(method)) {
            throw new RuleViolation("R-HTTP", ErrorCode.UNSUPPORTED_HTTP_METHOD,
                    "The HTTP method " + Printable.of(method) + " is not supported; use GET or POST.");
        }
        if (!"/".equals(line.rawPath())) {
            throw new RuleViolation("R-HTTP", ErrorCode.INVALID_ACTION, "Specified api is not found, please check your url and method.");
        }
        if (hasBody && body.length > RpcBodyLimit.MAX_BODY) { // sent without a Content-Length that said so
            throw RpcBodyLimit.tooLarge();
        }
        if (hasBody && !(post && isForm(request))) {
            throw new RuleViolation("R-HTTP", ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The request body must be empty or application/x-www-form-urlencoded.");
        }
        Map<String, String> sent = parameters.merge(authorization == null ? List.of(query, form)
                : List.of(query, form, fromAcsHeaders(request)));
        exchange.sent(sent, authorization != null ? Exchange.Signature.V3
                : sent.containsKey("Signature") ? Exchange.Signature.RPC : Exchange.Signature.NONE,
                authorization == null ? null : request.getHeaders().get(ACS_ACTION),
                authorization == null ? null : request.getHeaders().get(ACS_VERSION));
        Map<String, String> canonical = parameters.canonicalize(sent);
        Caller caller = authorization == null ? authenticator.authenticate(method, sent)
                : authenticator.authenticateV3(new AcsRequest(method, authorization, name -> request.getHeaders().get(name),
                        query.values(), body));
        RpcCall call = new RpcCall(sent, canonical, format, caller, RequestIds.of(request), exchange);
        call.attachTo(request);
        exchange.admitted(call);
        return forRouting(request, post);
    }

    /**
     * The request the router sees: the generated interface's arguments are bound from the RpcCall by name
     * ({@link AdmittedCallBinder}), so the query is left as it is; only what the router would refuse on goes (the
     * format is the Format parameter's, not Accept's, and an empty POST body is form-encoded whatever it says).
     */
    private static HttpRequest<?> forRouting(HttpRequest<?> request, boolean post) {
        boolean accept = request.getHeaders().contains(HttpHeaders.ACCEPT);
        boolean otherType = post && !isForm(request);
        if (!accept && !otherType) {
            return request;
        }
        MutableHttpRequest<?> mutable = request.mutate();
        if (accept) {
            mutable.getHeaders().remove(HttpHeaders.ACCEPT);
        }
        if (otherType) {
            mutable.getHeaders().set(HttpHeaders.CONTENT_TYPE, FORM);
        }
        return mutable;
    }

    /** Signature V3 names the operation in headers: x-acs-action is Action, x-acs-version is Version. */
    private static UrlEncoded.Decoded fromAcsHeaders(HttpRequest<?> request) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String action = request.getHeaders().get(ACS_ACTION);
        String version = request.getHeaders().get(ACS_VERSION);
        if (action != null) {
            values.put("Action", List.of(action.trim()));
        }
        if (version != null) {
            values.put("Version", List.of(version.trim()));
        }
        return new UrlEncoded.Decoded(values, List.of());
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

    /** Every response speaks the format the request asked for; every answer of the RPC surface goes to the journal. */
    @ResponseFilter
    public void answered(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getBody().isPresent() && otherSurface(others, request.getPath()) == null) {
            response.contentType(ResponseFormat.of(request).mediaType());
        }
        publish(listeners, request, response);
    }

    /** Tells every listener of an answered exchange. */
    static void publish(List<ExchangeListener> listeners, HttpRequest<?> request, HttpResponse<?> response) {
        for (ExchangeListener listener : listeners) {
            listener.answered(request, response);
        }
    }
}
