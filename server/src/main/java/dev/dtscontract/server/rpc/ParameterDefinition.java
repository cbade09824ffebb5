package dev.dtscontract.server.rpc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One request parameter as the spec defines it, and how a raw wire value is checked and normalised. */
public record ParameterDefinition(String name, boolean required, String type, List<String> enumValues,
                                  boolean caseInsensitive, String pattern, boolean secret) {

    /** The canonical spelling of a raw value, or empty when the spec does not allow it (R-ENUM, R-BOOLEAN). */
    public Optional<String> canonical(String raw) {
        if ("boolean".equals(type)) {
            return raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")
                    ? Optional.of(raw.toLowerCase(Locale.ROOT)) : Optional.empty();
        }
        if (!enumValues.isEmpty()) {
            return enumValues.stream()
                    .filter(v -> caseInsensitive ? v.equalsIgnoreCase(raw) : v.equals(raw))
                    .findFirst();
        }
        if (pattern != null && !raw.matches(pattern)) {
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
        return "a value matching " + pattern;
    }
}
