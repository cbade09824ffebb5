package dev.dtscontract.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request captured on the wire from one of Alibaba Cloud's SDKs (test resources v3-captures/, with their source),
 * read verbatim: method, request target, headers by lower-case name, body bytes. Test vectors for the emulator's
 * signature verifier and the client's signer alike.
 */
public record CapturedRequest(String name, String method, String target, Map<String, String> headers, byte[] body) {

    /** Every capture there is. */
    public static final List<String> ALL = List.of("java-post-query", "java-post-form", "node-post-query", "node-get-query", "node-post-form");

    public static CapturedRequest load(String name) {
        byte[] all;
        try (InputStream in = CapturedRequest.class.getClassLoader().getResourceAsStream("v3-captures/" + name + ".http")) {
            if (in == null) {
                throw new IllegalArgumentException("no capture v3-captures/" + name + ".http");
            }
            all = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new CapturedRequest(name, requestLine[0], requestLine[1], headers, Arrays.copyOfRange(all, end + 4, all.length));
    }

    /** A header's value by any case of its name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The query string as sent (after '?'), or "" without one. */
    public String rawQuery() {
        int question = target.indexOf('?');
        return question < 0 ? "" : target.substring(question + 1);
    }

    /**
     * The query parameters as the SDK meant them (for a signer under test; the emulator decodes with its own
     * UrlEncoded). Captures hold each name once and no bad escapes.
     */
    public Map<String, String> queryParameters() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery().isEmpty() ? new String[0] : rawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** When the capture was signed (its x-acs-date): a clock for tests that check it. */
    public java.time.Instant signedAt() {
        return java.time.Instant.parse(header("x-acs-date"));
    }

    @Override
    public String toString() {
        return name;
    }
}
