package dev.dtscontract.signing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one reader and writer of {@code name=value&...} text, for query strings and form bodies alike (the
 * emulator's edge, the signed requests, the tools and the tests). Reading never fails as a whole: a pair with a bad
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
                    String name = decodeComponent(rawName);
                    String value = decodeComponent(rawValue);
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

    /**
     * One name or value: '+' is a space, %XX a byte, the bytes UTF-8 (malformed sequences become U+FFFD, as with
     * URLDecoder). Written out because it runs for every parameter of every request: plain text is returned as is,
     * escapes decode into one byte array. A bad or cut escape throws IllegalArgumentException.
     */
    public static String decodeComponent(String text) {
        int length = text.length();
        int first = 0;
        while (first < length) {
            char c = text.charAt(first);
            if (c == '%' || c == '+') {
                break;
            }
            if (c >= 0x80) {
                return URLDecoder.decode(text, StandardCharsets.UTF_8); // raw non-ASCII: rare, the library's way
            }
            first++;
        }
        if (first == length) {
            return text;
        }
        byte[] bytes = new byte[length];
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes[n++] = ' ';
            } else if (c == '%') {
                int high = i + 2 < length ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) {
                    throw new IllegalArgumentException("bad escape at " + i);
                }
                bytes[n++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /** {@code name=value} pairs joined by '&', RFC 3986-encoded (space %20, '*' %2A), in the map's order. */
    public static String encode(Map<String, String> parameters) {
        StringJoiner out = new StringJoiner("&");
        parameters.forEach((name, value) -> out.add(Rfc3986.encode(name) + "=" + Rfc3986.encode(value)));
        return out.toString();
    }
}
