package dev.dtscontract.server.domain;

/**
 * A request value as an error message or a log line may show it. Callers choose what they send, so a value is
 * cut to {@value #MAX_LENGTH} characters (a 60 KB parameter must not make a 120 KB answer) and every character
 * that XML 1.0 cannot carry, or that could start a fake log line, is written as {@code \\uXXXX}: C0 and C1
 * controls (CR, LF and tab included), U+2028/U+2029, lone surrogates, U+FFFE and U+FFFF. Secrets never come here:
 * they are masked before (see the spec's {@code format: password}).
 */
public final class Printable {

    /** The longest part of a value a message shows. */
    public static final int MAX_LENGTH = 64;

    private Printable() {
    }

    public static String of(String raw) {
        if (raw == null) {
            return "";
        }
        int end = Math.min(raw.length(), MAX_LENGTH);
        if (end < raw.length() && Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--; // do not cut a pair in two
        }
        StringBuilder out = null;
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(raw.charAt(i + 1));
            boolean escape = !pair && (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                    || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF);
            if (escape && out == null) {
                out = new StringBuilder(end + 16).append(raw, 0, i);
            }
            if (out != null) {
                if (escape) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                    if (pair) {
                        out.append(raw.charAt(++i));
                    }
                }
            } else if (pair) {
                i++;
            }
        }
        String shown = out == null ? raw.substring(0, end) : out.toString();
        return end < raw.length() ? shown + "..." : shown;
    }
}
