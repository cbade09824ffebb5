package dev.dtscontract.server.rpc;

import dev.dtscontract.server.domain.Printable;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One request parameter as the spec defines it, and how a raw wire value is checked and normalised.
 * The spec's pattern is compiled once, at start.
 */
public record ParameterDefinition(String name, boolean required, String type, List<String> enumValues,
                                  boolean caseInsensitive, Pattern pattern, boolean secret) {

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
        if (pattern != null && !pattern.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(raw);
    }

    /**
     * Case-insensitive means ASCII case folding only: String.equalsIgnoreCase would also take the long s
     * (U+017F) for 's' and the Kelvin sign (U+212A) for 'k', so "ſrc" would pass as src.
     */
    static boolean equalsIgnoreAsciiCase(String expected, String raw) {
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

    /** A value as an error message may show it: secrets (format: password in the spec) never; see {@link Printable}. */
    public String printable(String raw) {
        return secret ? "******" : Printable.of(raw);
    }

    /** What the error message lists as valid. */
    public String validValues() {
        if ("boolean".equals(type)) {
            return "true, false";
        }
        if (!enumValues.isEmpty()) {
            return String.join(", ", enumValues);
        }
        return "a value matching " + pattern.pattern();
    }
}
