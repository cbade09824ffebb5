package dev.dtscontract.server.auth;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What signature V3 is computed over, as received: the method, the Authorization header, any header by lower-case
 * name (null when absent), the query parameters decoded (not the form: the body is covered by its hash) and the
 * body bytes.
 */
public record AcsRequest(String method, String authorization, Function<String, String> header,
                         Map<String, List<String>> query, byte[] body) {
}
