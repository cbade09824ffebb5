package dev.dtscontract.spec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One request parameter as the spec defines it, and how a raw wire value is checked and normalised: its type
 * (boolean), enum (case-insensitive where the spec says {@code x-case-insensitive}), pattern, and length bounds
 * ({@code minLength}, {@code maxLength}, counted in characters as JSON Schema counts them). The spec's pattern is
 * compiled once, at start. A constraint the spec adds is enforced without code.
 *
 * @param minLength the schema's minLength, 0 when it states none
 * @param maxLength the schema's maxLength, {@link Integer#MAX_VALUE} when it states none
 */
public record ParameterDefinition(String name, boolean required, String type, List<String> enumValues,
                                  boolean caseInsensitive, Pattern pattern, boolean secret, int minLength, int maxLength) {

    /** The canonical spelling of a raw value, or empty when the spec does not allow it (R-ENUM, R-BOOLEAN). */
    public Optional<String> canonical(String raw) {
        if ("boolean".equals(type)) {
            return equalsIgnoreAsciiCase("true", raw) ? Optional.of("true")
                    : equalsIgnoreAsciiCase("false", raw) ? Optional.of("false") : Optional.empty();
        }
        if (!enumValues.isEmpty()) {
            for (String value : enumValues) {
                if (caseInsensitive ? equalsIgnoreAsciiCase(value, raw) : value.equals(raw)) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        }
        if (minLength > 0 || maxLength < Integer.MAX_VALUE) {
            int length = raw.codePointCount(0, raw.length());
            if (length < minLength || length > maxLength) {
                return Optional.empty();
            }
        }
        if (pattern != null && !pattern.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(raw);
    }

    /**
     * Case-insensitive means ASCII case folding only: String.equalsIgnoreCase would also take the long s
     * (U+017F) for 's' and the Kelvin sign (U+212A) for 'k', so "ſrc" would pass as src.
     */
    public static boolean equalsIgnoreAsciiCase(String expected, String raw) {
        if (expected.length() != raw.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            char a = expected.charAt(i);
            char b = raw.charAt(i);
            if (a != b && (b > 0x7F || lower(a) != lower(b))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** What the error message lists as valid. */
    public String validValues() {
        if ("boolean".equals(type)) {
            return "true, false";
        }
        if (!enumValues.isEmpty()) {
            return String.join(", ", enumValues);
        }
        String length = minLength > 0 && maxLength < Integer.MAX_VALUE ? minLength + " to " + maxLength + " characters"
                : maxLength < Integer.MAX_VALUE ? "at most " + maxLength + " characters"
                : minLength > 0 ? "at least " + minLength + " characters" : null;
        if (pattern == null) {
            return length == null ? "any value" : length;
        }
        return "a value matching " + pattern.pattern() + (length == null ? "" : ", " + length);
    }
}
