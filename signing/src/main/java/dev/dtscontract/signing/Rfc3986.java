package dev.dtscontract.signing;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of UTF-8, the one encoder of this project: the unreserved characters A-Z a-z 0-9 - _ . ~
 * stay, every other byte becomes %XX with upper-case hex (a space is %20, never '+'; '*' is %2A; '~' stays). It is the
 * encoding of both signatures' canonical forms and of every query or form this project sends.
 */
public final class Rfc3986 {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Rfc3986() {
    }

    /** The value percent-encoded. */
    public static String encode(String value) {
        int length = value.length();
        int i = 0;
        while (i < length && unreserved(value.charAt(i))) {
            i++;
        }
        if (i == length) {
            return value; // nothing to encode: the common case of names and most values
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (unreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** Whether an ASCII code stays as it is: A-Z a-z 0-9 - _ . ~ */
    static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
