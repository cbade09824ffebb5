package dev.dtscontract.server.rpc;

import dev.dtscontract.server.auth.Caller;
import io.micronaut.http.HttpRequest;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the edge admitted it: its parameters as sent and in canonical form, the response format, and
 * the authenticated caller. Only {@link RpcEdge} makes one, after validation and authentication both passed, so
 * code that holds an RpcCall holds a request that was checked. Values are read by their spec names.
 */
public final class RpcCall {

    private static final String ATTRIBUTE = "dts.call";

    private final String action;
    private final Map<String, String> sent;
    private final Map<String, String> canonical;
    private final ResponseFormat format;
    private final Caller caller;
    private final String requestId;
    private final Exchange exchange;

    /**
     * @param sent      every parameter as the client sent it (query, form and V3 headers merged): what was signed
     * @param canonical the same checked and normalised; both are the edge's own maps, handed over (not copied: this
     *                  runs per request)
     */
    RpcCall(String action, Map<String, String> sent, Map<String, String> canonical, ResponseFormat format, Caller caller,
            String requestId, Exchange exchange) {
        this.action = Objects.requireNonNull(action);
        this.sent = Collections.unmodifiableMap(sent);
        this.canonical = Collections.unmodifiableMap(canonical);
        this.format = Objects.requireNonNull(format);
        this.caller = Objects.requireNonNull(caller);
        this.requestId = Objects.requireNonNull(requestId);
        this.exchange = Objects.requireNonNull(exchange);
    }

    /** The operation answered: the job it acted on (null if none) and whether it changed it (else a dry run). */
    public void answered(String dtsJobId, boolean applied) {
        exchange.answered(dtsJobId, applied, false);
    }

    /** A read answered: the job it read (the journal shows the request as READ). */
    public void read(String dtsJobId) {
        exchange.read(dtsJobId);
    }

    /** Every canonical value by its wire name, for reading a typed input by name (values not to be changed). */
    public Map<String, String> canonical() {
        return canonical;
    }

    /** The operation it calls: its Action, as the spec spells it (the edge routes it to that operation's handler). */
    public String action() {
        return action;
    }

    /** The RequestId its answer carries. */
    public String requestId() {
        return requestId;
    }

    /** The admitted call of a request; empty if the edge did not admit it. */
    public static Optional<RpcCall> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, RpcCall.class);
    }

    void attachTo(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The parameters exactly as sent (values not normalised, secrets included: never log them as they are). */
    public Map<String, String> sent() {
        return sent;
    }

    public Caller caller() {
        return caller;
    }

    public ResponseFormat format() {
        return format;
    }

    /**
     * The canonical value of a spec parameter, or null when it was absent or empty. Names are the spec's; that each
     * one read is a spec parameter reaching its own field is proven over HTTP (EveryParameterReachesItsFieldIT).
     */
    public String value(String name) {
        return canonical.get(name);
    }
}
