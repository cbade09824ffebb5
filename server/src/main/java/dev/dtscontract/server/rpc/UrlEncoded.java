package dev.dtscontract.server.rpc;

import dev.dtscontract.server.auth.RpcSignature;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one reader and writer of {@code name=value&...} text, for query strings and form bodies alike (the
 * emulator's edge, SignRequest and the tests). Reading never fails as a whole: a pair with a bad
 * percent-escape is reported by name, and the others are kept, so the answer can name the culprit and still
 * speak the format the request asked for.
 */
public final class UrlEncoded {

    /** The decoded parameters, in order, and the names (as sent) of the pairs that could not be decoded. */
    public record Decoded(Map<String, List<String>> values, List<String> malformed) {

        /** One value per name, the last one sent overriding earlier ones; for tests and tools, not for the edge. */
        public Map<String, String> single() {
            Map<String, String> out = new LinkedHashMap<>();
            values.forEach((name, list) -> out.put(name, list.get(list.size() - 1)));
            return out;
        }
    }

    private UrlEncoded() {
    }

    /** Decodes UTF-8 {@code application/x-www-form-urlencoded} text ('+' is a space); null or empty gives nothing. */
    public static Decoded decode(String text) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> malformed = List.of();
        if (text == null || text.isEmpty()) {
            return new Decoded(values, malformed);
        }
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                int eq = text.indexOf('=', start);
                String rawName = eq < 0 || eq > end ? text.substring(start, end) : text.substring(start, eq);
                String rawValue = eq < 0 || eq > end ? "" : text.substring(eq + 1, end);
                try {
                    String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                    String value = URLDecoder.decode(rawValue, StandardCharsets.UTF_8);
                    values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
                } catch (IllegalArgumentException badEscape) {
                    if (malformed.isEmpty()) {
                        malformed = new ArrayList<>();
                    }
                    malformed.add(rawName);
                }
            }
            start = end + 1;
        }
        return new Decoded(values, malformed);
    }

    /** {@code name=value} pairs joined by '&', RFC 3986-encoded (space %20, '*' %2A), in the map's order. */
    public static String encode(Map<String, String> parameters) {
        StringJoiner out = new StringJoiner("&");
        parameters.forEach((name, value) -> out.add(RpcSignature.encode(name) + "=" + RpcSignature.encode(value)));
        return out.toString();
    }
}
