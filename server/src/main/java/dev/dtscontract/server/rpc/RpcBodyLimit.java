package dev.dtscontract.server.rpc;

import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * R-HTTP's body limit for the operation's surface, before the body is read: a declared Content-Length over 64 KiB is
 * RequestTooLarge (413) at once (a body sent without one is measured by {@link RpcEdge} once read). The server's own
 * limit ({@code micronaut.server.max-request-size}) is the control API's, 1 MiB, for seeds (C-INPUT).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RpcBodyLimit implements Ordered {

    /** R-HTTP: the largest body the operation takes. */
    public static final int MAX_BODY = 65_536;

    private final java.util.List<OtherSurface> others;

    public RpcBodyLimit(java.util.List<OtherSurface> others) {
        this.others = java.util.List.copyOf(others);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // before the edge, which reads the body
    }

    @PreMatching
    @RequestFilter
    public void limit(HttpRequest<?> request) {
        if (request.getContentLength() > MAX_BODY && RpcEdge.otherSurface(others, request.getPath()) == null) {
            // Only the answer's format is read from the query here (Format=XML); the edge reads the request itself.
            ResponseFormat.asked(UrlEncoded.decode(request.getUri().getRawQuery()), UrlEncoded.decode(null)).decideFor(request);
            throw tooLarge();
        }
    }

    static RuleViolation tooLarge() {
        return new RuleViolation("R-HTTP", ErrorCode.REQUEST_TOO_LARGE);
    }
}
