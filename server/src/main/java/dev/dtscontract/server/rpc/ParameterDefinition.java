package dev.dtscontract.server.rpc;

import java.util.List;
import java.util.Locale;
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
            return raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")
                    ? Optional.of(raw.toLowerCase(Locale.ROOT)) : Optional.empty();
        }
        if (!enumValues.isEmpty()) {
            for (String value : enumValues) {
                if (caseInsensitive ? value.equalsIgnoreCase(raw) : value.equals(raw)) {
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

    /** A value as an error message may show it: secrets (format: password in the spec) never, long values cut. */
    public String printable(String raw) {
        if (secret) {
            return "******";
        }
        return raw.length() > 64 ? raw.substring(0, 64) + "..." : raw;
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
