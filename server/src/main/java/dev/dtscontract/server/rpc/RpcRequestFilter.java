package dev.dtscontract.server.rpc;

import dev.dtscontract.server.auth.Authenticator;
import dev.dtscontract.server.domain.ErrorCodes;
import dev.dtscontract.server.domain.RuleViolation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Makes the three request shapes one: the form body of a POST is merged into the query string, every
 * value is checked and normalised against the spec ({@link RpcParameters}), the caller is authenticated
 * over the parameters as sent, and the request goes on with the canonical query only, so the generated
 * interface binds it the same way for GET and POST. The generated form binding (Java names, not the
 * spec's) is thereby never relied on.
 */
@ServerFilter("/")
public final class RpcRequestFilter {

    /** The canonical Format of the request, for rendering its response. */
    static final String FORMAT_ATTRIBUTE = "dts.format";

    /** The authenticated {@link dev.dtscontract.server.auth.Caller}. */
    public static final String CALLER_ATTRIBUTE = "dts.caller";

    private final RpcParameters parameters;
    private final Authenticator authenticator;

    public RpcRequestFilter(SpecContract contract, Authenticator authenticator) {
        this.parameters = new RpcParameters(contract.parameters());
        this.authenticator = authenticator;
    }

    /**
     * Returns the request to continue with (the original, for methods the router rejects), or throws the
     * rule a parameter breaks; the exception handler answers it in the requested format.
     */
    @RequestFilter
    public HttpRequest<?> canonicalize(HttpRequest<?> request, @Nullable @Body String body) {
        RequestIds.of(request);
        boolean post = request.getMethod() == HttpMethod.POST;
        boolean form = post && body != null && !body.isEmpty();
        if ((!post && request.getMethod() != HttpMethod.GET) || (form && !isForm(request))) {
            return request; // the router answers 405 or 415
        }
        Map<String, String> sent = parameters.merge(request.getParameters().asMap(), form ? decodeForm(body) : Map.of());
        request.setAttribute(FORMAT_ATTRIBUTE, "XML".equalsIgnoreCase(sent.get("Format")) ? "XML" : "JSON");
        Map<String, String> canonical = parameters.canonicalize(sent);
        request.setAttribute(FORMAT_ATTRIBUTE, canonical.getOrDefault("Format", "JSON"));
        request.setAttribute(CALLER_ATTRIBUTE, authenticator.authenticate(request.getMethodName(), sent));
        if (!form && canonical.equals(sent)) {
            return request; // already canonical and all in the query: nothing to rewrite
        }
        return request.mutate().uri(URI.create("/?" + encode(canonical)));
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType().map(MediaType.APPLICATION_FORM_URLENCODED_TYPE::matches).orElse(false);
    }

    /** Every response to `/` speaks the format the request asked for. */
    @ResponseFilter
    public void renderInRequestedFormat(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getBody().isPresent()) {
            response.contentType(ResponseFormat.of(request));
        }
    }

    private static Map<String, List<String>> decodeForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformed) {
                throw new RuleViolation("R-FORM", ErrorCodes.INVALID_PARAMETER,
                        "The request body is not valid application/x-www-form-urlencoded data.");
            }
        }
        return form;
    }

    private static String encode(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return query.toString();
    }
}
