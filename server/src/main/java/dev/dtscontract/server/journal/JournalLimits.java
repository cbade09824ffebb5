package dev.dtscontract.server.journal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of a request the journal keeps, so that it is bounded in bytes and not only in entries: every value is cut to
 * a limit and marked visibly ({@code …(+N bytes)}, N the bytes left out), the parameters of one request share a budget
 * (those past it are left out, counted in a last parameter named {@code …}), and a refused request, which anyone can
 * send without credentials, is kept in a compact form with smaller limits. The limits follow from the journal's byte
 * budget ({@code dts.journal.max-bytes}) shared by its entries.
 */
final class JournalLimits {

    /** The longest id, name or code kept (request id, AccessKey id, Action, DtsJobId, …). */
    static final int SHORT = 128;
    /** The budget of one entry is at most this, and never below {@link #MIN_ENTRY}. */
    static final int MAX_ENTRY = 16 * 1024;
    static final int MIN_ENTRY = 2 * 1024;
    private static final String MARK = "\u2026";
    private static final String ENCODED_MARK = "%E2%80%A6";

    private final int value;
    private final int parameters;
    private final int answerValue;

    private JournalLimits(int value, int parameters, int answerValue) {
        this.value = value;
        this.parameters = parameters;
        this.answerValue = answerValue;
    }

    /** The limits for one entry of a journal of {@code capacity} entries within {@code maxBytes}. */
    static JournalLimits of(long maxBytes, int capacity, boolean refused) {
        int entry = (int) Math.max(MIN_ENTRY, Math.min(MAX_ENTRY, capacity == 0 ? MAX_ENTRY : maxBytes / capacity));
        return refused ? new JournalLimits(128, Math.min(1024, entry / 2), 512)
                : new JournalLimits(Math.min(1024, entry / 8), entry / 2, Math.min(2048, entry / 8));
    }

    int value() {
        return value;
    }

    int parameters() {
        return parameters;
    }

    int answerValue() {
        return answerValue;
    }

    /** An id, name or code, cut to {@link #SHORT} bytes. */
    static String shortText(String text) {
        return cut(text, SHORT);
    }

    /** An answer's value, cut to this entry's limit. */
    String answerText(String text) {
        return cut(text, answerValue);
    }

    /**
     * Text cut to at most {@code limit} UTF-8 bytes (never inside a character), followed by the mark and the number of
     * bytes left out; text within the limit as it is.
     */
    static String cut(String text, int limit) {
        if (text == null || text.length() <= limit / 3) { // no character takes more than 3 UTF-8 bytes per char
            return text;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= limit) {
            return text;
        }
        int end = limit;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) { // not inside a character
            end--;
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8) + MARK + "(+" + (utf8.length - end) + " bytes)";
    }

    /**
     * Raw {@code application/x-www-form-urlencoded} text (a query or a form) as the journal keeps it: each name and value
     * cut to the limit (counted in decoded bytes, never inside an escape or a character), marked in encoded form so that
     * it decodes to {@code …(+N bytes)}; the pairs past {@code budget} (shared with {@code used}) left out and counted.
     *
     * @param used the bytes of the budget already taken by another part of the same request (its query), or 0
     */
    String raw(String text, int used) {
        if (text == null || text.length() <= value && used + text.length() <= parameters) {
            return text;
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), parameters + 64));
        int total = used;
        int leftOutPairs = 0;
        long leftOutBytes = 0;
        List<String> pairs = split(text);
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String shown = cutEncoded(name, SHORT) + (equals < 0 ? "" : "=" + cutEncoded(pair.substring(equals + 1), value));
            if (total + shown.length() + 1 > parameters) {
                leftOutPairs++;
                leftOutBytes += decodedLength(pair, 0, pair.length());
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(shown);
            total += shown.length() + 1;
        }
        if (leftOutPairs > 0) {
            kept.append(kept.isEmpty() ? "" : "&").append(ENCODED_MARK).append("=%28%2B").append(leftOutPairs)
                    .append("%20more%20parameters%2C%20").append(leftOutBytes).append("%20bytes%29");
        }
        return kept.toString();
    }

    private static List<String> split(String text) {
        List<String> pairs = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int amp = text.indexOf('&', start);
            int end = amp < 0 ? text.length() : amp;
            if (end > start) {
                pairs.add(text.substring(start, end));
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return pairs;
    }

    /** An encoded name or value cut to {@code limit} decoded bytes, before an escape or character boundary. */
    static String cutEncoded(String encoded, int limit) {
        if (encoded.length() <= limit) {
            return encoded;
        }
        int bytes = 0;
        int i = 0;
        int lastStart = 0; // where the last character that fits started
        while (i < encoded.length() && bytes < limit) {
            boolean escape = encoded.charAt(i) == '%' && i + 2 < encoded.length() && hex(encoded.charAt(i + 1)) && hex(encoded.charAt(i + 2));
            int b = escape ? Integer.parseInt(encoded.substring(i + 1, i + 3), 16) : encoded.charAt(i);
            boolean continuation = escape && (b & 0xC0) == 0x80;
            if (!continuation) {
                lastStart = i;
            }
            i += escape ? 3 : 1;
            bytes++;
        }
        if (i >= encoded.length()) {
            return encoded;
        }
        // Cut where a character starts: at i if the next byte starts one, else where the last one that started began.
        boolean nextStarts = !(encoded.charAt(i) == '%' && i + 2 < encoded.length() && hex(encoded.charAt(i + 1))
                && hex(encoded.charAt(i + 2)) && (Integer.parseInt(encoded.substring(i + 1, i + 3), 16) & 0xC0) == 0x80);
        int end = nextStarts ? i : lastStart;
        long leftOut = decodedLength(encoded, end, encoded.length());
        return encoded.substring(0, end) + ENCODED_MARK + "%28%2B" + leftOut + "%20bytes%29";
    }

    private static long decodedLength(String encoded, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            if (encoded.charAt(i) == '%' && i + 2 < to && hex(encoded.charAt(i + 1)) && hex(encoded.charAt(i + 2))) {
                i += 2;
            }
            bytes++;
        }
        return bytes;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
