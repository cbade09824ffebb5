package dev.dtscontract.server.rpc;

import dev.dtscontract.server.auth.Caller;
import io.micronaut.http.HttpRequest;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the edge admitted it: every parameter checked and in canonical form, the response format, and
 * the authenticated caller. Only {@link RpcEdge} makes one, after validation and authentication both passed, so
 * code that holds an RpcCall holds a request that was checked. Values are read by their spec names; asking for
 * a name the spec does not define is a programming error and fails at once instead of reading null.
 */
public final class RpcCall {

    private static final String ATTRIBUTE = "dts.call";

    private final Map<String, String> canonical;
    private final ResponseFormat format;
    private final Caller caller;
    private final RpcParameters parameters;

    RpcCall(Map<String, String> canonical, ResponseFormat format, Caller caller, RpcParameters parameters) {
        this.canonical = Map.copyOf(canonical);
        this.format = Objects.requireNonNull(format);
        this.caller = Objects.requireNonNull(caller);
        this.parameters = parameters;
    }

    /** The admitted call of a request; empty if the edge did not admit it. */
    public static Optional<RpcCall> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, RpcCall.class);
    }

    void attachTo(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public Caller caller() {
        return caller;
    }

    public ResponseFormat format() {
        return format;
    }

    /** The canonical value of a spec parameter, empty when it was absent or empty. */
    public Optional<String> value(String name) {
        if (parameters.definition(name) == null) {
            throw new IllegalArgumentException(name + " is not a parameter of the spec");
        }
        return Optional.ofNullable(canonical.get(name));
    }

    /** The canonical value of a parameter the edge made sure is present (R-REQUIRED). */
    public String required(String name) {
        return value(name).orElseThrow(() -> new IllegalStateException(name + " is required but was admitted without it"));
    }

    /** A boolean parameter (canonical "true"/"false"); false when absent, the spec's default. */
    public boolean flag(String name) {
        return value(name).map("true"::equals).orElse(false);
    }
}
