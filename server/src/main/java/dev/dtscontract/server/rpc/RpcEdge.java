package dev.dtscontract.server.rpc;

import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.server.auth.Authenticator;
import dev.dtscontract.server.domain.RuleViolation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.List;

/**
 * The emulator's only way in. Runs before routing, for every path and method: hands another surface's paths to it,
 * and otherwise has {@link Admission} either refuse the request (a {@link RuleViolation}, answered with the spec's error
 * body) or admit it as an {@link RpcCall}, which it attaches to the request. Nothing after it decides again: the response
 * format is fixed here, and the operations read the RpcCall. This class is the HTTP plumbing; the decisions are
 * Admission's, which takes the request line, headers and body as plain values (tested without a server).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RpcEdge implements Ordered {

    private final Admission admission;
    private final List<OtherSurface> others;
    private final List<ExchangeListener> listeners;

    public RpcEdge(SpecContract contract, Authenticator authenticator, List<OtherSurface> others, List<ExchangeListener> listeners) {
        this.admission = new Admission(new RpcOperations(contract), authenticator);
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
        String requestId = RequestIds.of(request);
        Exchange exchange = Exchange.start(request, line.method(), line.rawPath());
        RpcCall call = admission.admit(line, name -> request.getHeaders().get(name), body, requestId, exchange,
                format -> format.decideFor(request));
        call.attachTo(request);
        boolean post = "POST".equals(line.method());
        return forRouting(request, post, call.action());
    }

    /**
     * The request the router sees: the route of the admitted operation, {@code /<Action>} (the generated routes; the wire
     * path is always {@code /}, R-HTTP). An operation's typed input and its RpcCall are bound from the RpcCall, never from
     * the wire ({@link AdmittedCallBinder}); only what the router would refuse on goes (the format is the Format
     * parameter's, not Accept's, and an empty POST body is form-encoded whatever it says).
     */
    static HttpRequest<?> forRouting(HttpRequest<?> request, boolean post, String action) {
        boolean accept = request.getHeaders().contains(HttpHeaders.ACCEPT);
        boolean otherType = post && !isForm(request);
        MutableHttpRequest<?> mutable = request instanceof MutableHttpRequest<?> built ? built : request.mutate();
        mutable.uri(java.net.URI.create("/" + action));
        if (accept) {
            mutable.getHeaders().remove(HttpHeaders.ACCEPT);
        }
        if (otherType) {
            mutable.getHeaders().set(HttpHeaders.CONTENT_TYPE, Admission.FORM);
        }
        return mutable;
    }

    /** Exactly application/x-www-form-urlencoded (parameters such as charset aside), however the header is cased. */
    private static boolean isForm(HttpRequest<?> request) {
        return Admission.isForm(request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
    }

    /**
     * Every response speaks the format the request asked for; every answer of the RPC surface goes to the journal; then
     * a connection a fault drops is closed, after the journal has the request.
     */
    @ResponseFilter
    public void answered(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getBody().isPresent() && otherSurface(others, request.getPath()) == null) {
            response.contentType(ResponseFormat.of(request).mediaType());
        }
        try {
            publish(listeners, request, response);
        } finally { // a listener that failed must not turn a dropped connection into an answer
            Exchange.of(request).ifPresent(Exchange::closeIfDropped);
        }
    }

    /** Tells every listener of an answered exchange. */
    static void publish(List<ExchangeListener> listeners, HttpRequest<?> request, HttpResponse<?> response) {
        for (ExchangeListener listener : listeners) {
            listener.answered(request, response);
        }
    }
}
