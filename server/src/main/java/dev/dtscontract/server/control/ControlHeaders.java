package dev.dtscontract.server.control;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Rule C-ORIGIN's headers on every answer of the control API and the console: no framing, no content sniffing, no
 * referrer to other sites, no caching, and a Content-Security-Policy that allows nothing (the console sets its pages' own). No CORS
 * header is ever sent, so no other origin reads an answer.
 */
@ServerFilter(ControlGuard.PREFIX + "**")
public final class ControlHeaders {

    public static final String CSP = "Content-Security-Policy";
    private static final String NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        apply(response);
    }

    /** Also for answers made before any filter ran (a request the guard refused). */
    public static void apply(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the console's own form (C-ORIGIN).
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Cache-Control", "no-store");
        if (!headers.contains(CSP)) {
            headers.set(CSP, NOTHING);
        }
    }
}
