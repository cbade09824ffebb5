package dev.dtscontract.server.rpc;

import dev.dtscontract.server.domain.ErrorCodes;
import dev.dtscontract.server.domain.RuleViolation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the parameters of one request (query string and form body) into one canonical set, checked
 * against the spec: R-SINGLE-VALUE, R-REQUIRED, R-ACTION, R-ENUM, R-BOOLEAN and the spec's patterns.
 * Parameters the spec does not define (Signature, Alibaba SDK extras) pass through unchanged.
 */
public final class RpcParameters {

    private final Map<String, ParameterDefinition> definitions;

    public RpcParameters(Map<String, ParameterDefinition> definitions) {
        this.definitions = definitions;
    }

    /**
     * Query and form merged into one value per name, as sent (R-SINGLE-VALUE): the input of the signature
     * check. An empty value is kept, since it was signed.
     */
    public Map<String, String> merge(Map<String, List<String>> query, Map<String, List<String>> form) {
        Map<String, Set<String>> merged = new TreeMap<>();
        collect(query, merged);
        collect(form, merged);
        Map<String, String> sent = new TreeMap<>();
        merged.forEach((name, values) -> {
            if (values.size() > 1) {
                ParameterDefinition definition = definitions.get(name);
                throw RuleViolation.invalid("R-SINGLE-VALUE", name, "it has more than one value: "
                        + String.join(", ", values.stream().map(v -> definition == null ? v : definition.printable(v)).toList()) + ".");
            }
            sent.put(name, values.iterator().next());
        });
        return sent;
    }

    /** The merged parameters checked against the spec and normalised; an empty value counts as absent. */
    public Map<String, String> canonicalize(Map<String, String> sent) {
        Map<String, String> canonical = new TreeMap<>();
        sent.forEach((name, raw) -> {
            if (raw.isEmpty()) {
                return;
            }
            ParameterDefinition definition = definitions.get(name);
            canonical.put(name, definition == null ? raw : definition.canonical(raw).orElseThrow(() -> rejected(definition, raw)));
        });
        definitions.values().stream()
                .filter(ParameterDefinition::required)
                .filter(d -> !canonical.containsKey(d.name()))
                .sorted((a, b) -> a.name().equals("Action") ? -1 : b.name().equals("Action") ? 1 : 0)
                .findFirst()
                .ifPresent(d -> {
                    throw RuleViolation.missing("R-REQUIRED", d.name());
                });
        return canonical;
    }

    private static RuleViolation rejected(ParameterDefinition definition, String raw) {
        if (definition.name().equals("Action")) {
            return new RuleViolation("R-ACTION", ErrorCodes.INVALID_ACTION,
                    "Specified api is not found, please check your url and method.");
        }
        if (definition.name().equals("Timestamp")) {
            return new RuleViolation("R-SIGNATURE", "InvalidTimeStamp.Format",
                    "Specified time stamp or date value is not well formatted.");
        }
        String rule = "boolean".equals(definition.type()) ? "R-BOOLEAN" : "R-ENUM";
        return RuleViolation.invalid(rule, definition.name(),
                "\"" + definition.printable(raw) + "\". Valid values: " + definition.validValues() + ".");
    }

    private static void collect(Map<String, List<String>> source, Map<String, Set<String>> merged) {
        source.forEach((name, values) -> values.stream()
                .filter(v -> v != null)
                .forEach(v -> merged.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(v)));
    }
}
