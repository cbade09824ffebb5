package dev.dtscontract.server.rpc;

import dev.dtscontract.server.auth.AcsRequest;
import dev.dtscontract.server.auth.Authenticator;
import dev.dtscontract.server.auth.Caller;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.Printable;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.spec.ParameterDefinition;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The edge's decisions on one request of the operations' surface, from what was sent (the request line, the headers by
 * name, the body): exactly GET or POST, on `/`, a POST body empty or form-encoded and within R-HTTP's limit; query, form
 * and (signature V3) x-acs-* headers decoded once; every value checked against the spec; the caller authenticated by
 * whichever signature the request carries. The result is the one {@link RpcCall} of the request, or a
 * {@link RuleViolation}. No HTTP framework type: {@link RpcEdge} does the plumbing.
 */
final class Admission {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final String ACS_ACTION = "x-acs-action";
    private static final String ACS_VERSION = "x-acs-version";

    private final RpcOperations operations;
    private final Authenticator authenticator;

    Admission(RpcOperations operations, Authenticator authenticator) {
        this.operations = operations;
        this.authenticator = authenticator;
    }

    /**
     * The admitted call, or a RuleViolation. The format the request asked for is decided ({@code decided}) before anything
     * can be refused, so that a refusal speaks it; the exchange notes what was received and sent, for the journal.
     *
     * @param header a header's value by name, case-insensitively (null when absent)
     * @param body   the body as received, null or empty for none
     */
    RpcCall admit(RequestLine line, Function<String, String> header, byte[] body, String requestId, Exchange exchange,
                  Consumer<ResponseFormat> decided) {
        String method = line.method();
        boolean post = "POST".equals(method);
        boolean hasBody = body != null && body.length > 0;
        boolean form = isForm(header.apply("Content-Type"));
        UrlEncoded.Decoded query = UrlEncoded.decode(line.rawQuery());
        String formText = post && hasBody && form ? new String(body, StandardCharsets.UTF_8) : null;
        UrlEncoded.Decoded formValues = UrlEncoded.decode(formText);
        exchange.received(line.rawQuery(), formText);
        ResponseFormat format = ResponseFormat.asked(query, formValues);
        decided.accept(format);
        // Signature V3 is told apart by its Authorization header: V2 requests of current SDKs carry x-acs-action too.
        String authorization = header.apply("Authorization");

        if (!post && !"GET".equals(method)) {
            throw new RuleViolation("R-HTTP", ErrorCode.UNSUPPORTED_HTTP_METHOD,
                    "The HTTP method " + Printable.of(method) + " is not supported; use GET or POST.");
        }
        if (!"/".equals(line.rawPath())) {
            throw new RuleViolation("R-HTTP", ErrorCode.INVALID_ACTION);
        }
        if (hasBody && body.length > RpcBodyLimit.MAX_BODY) { // sent without a Content-Length that said so
            throw RpcBodyLimit.tooLarge();
        }
        if (hasBody && !(post && form)) {
            throw new RuleViolation("R-HTTP", ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        Map<String, String> sent = operations.anyOperation().merge(authorization == null ? List.of(query, formValues)
                : List.of(query, formValues, fromAcsHeaders(header)));
        exchange.sent(sent, authorization != null ? Exchange.Signature.V3
                        : sent.containsKey("Signature") ? Exchange.Signature.RPC : Exchange.Signature.NONE,
                authorization == null ? null : header.apply(ACS_ACTION),
                authorization == null ? null : header.apply(ACS_VERSION));
        String action = operations.actionOf(sent);
        Map<String, String> canonical = operations.of(action).canonicalize(sent);
        Caller caller = authorization == null ? authenticator.authenticate(method, sent)
                : authenticator.authenticateV3(new AcsRequest(method, authorization, header, query.values(), body));
        RpcCall call = new RpcCall(action, sent, canonical, format, caller, requestId, exchange);
        exchange.admitted(call);
        return call;
    }

    /** Signature V3 names the operation in headers: x-acs-action is Action, x-acs-version is Version. */
    private static UrlEncoded.Decoded fromAcsHeaders(Function<String, String> header) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String action = header.apply(ACS_ACTION);
        String version = header.apply(ACS_VERSION);
        if (action != null) {
            values.put("Action", List.of(action.trim()));
        }
        if (version != null) {
            values.put("Version", List.of(version.trim()));
        }
        return new UrlEncoded.Decoded(values, List.of());
    }

    /** Exactly application/x-www-form-urlencoded (parameters such as charset aside), however the header is cased. */
    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return ParameterDefinition.equalsIgnoreAsciiCase(FORM, type);
    }
}
