package dev.dtscontract.server.rpc;

import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.spec.ParameterDefinition;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.Printable;
import dev.dtscontract.server.domain.RuleViolation;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the parameters of one request (query string and form body) into one canonical set, checked
 * against the spec: R-ENCODING, R-SINGLE-VALUE, R-REQUIRED, R-ACTION, R-ENUM, R-BOOLEAN and the spec's patterns.
 * Parameters the spec does not define (Signature, Alibaba SDK extras) pass through unchanged.
 */
public final class RpcParameters {

    private final Map<String, ParameterDefinition> definitions;
    /** The required parameters, Action first: a request for another action is answered as such. */
    private final List<ParameterDefinition> required;

    public RpcParameters(Map<String, ParameterDefinition> definitions) {
        this.definitions = definitions;
        this.required = definitions.values().stream()
                .filter(ParameterDefinition::required)
                .sorted(Comparator.comparing((ParameterDefinition d) -> !d.name().equals("Action")).thenComparing(ParameterDefinition::name))
                .toList();
    }

    /**
     * Query and form merged into one value per name, as sent (R-SINGLE-VALUE): the input of the signature
     * check. An empty value is kept, since it was signed. The same value sent twice counts once.
     */
    public Map<String, String> merge(UrlEncoded.Decoded query, UrlEncoded.Decoded form) {
        return merge(List.of(query, form));
    }

    /** The same over any sources: query, form and, for signature V3, the x-acs-action and x-acs-version headers. */
    public Map<String, String> merge(List<UrlEncoded.Decoded> sources) {
        for (UrlEncoded.Decoded source : sources) {
            if (!source.malformed().isEmpty()) {
                throw RuleViolation.invalid("R-ENCODING", source.malformed().get(0),
                        "it is not correctly percent-encoded (RFC 3986, UTF-8).");
            }
        }
        Map<String, String> sent = new TreeMap<>();
        for (UrlEncoded.Decoded source : sources) {
            if (!collect(source.values(), sent)) {
                throw moreThanOneValue(sources.stream().map(UrlEncoded.Decoded::values).toList());
            }
        }
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
        for (ParameterDefinition definition : required) {
            if (!canonical.containsKey(definition.name())) {
                throw RuleViolation.missing("R-REQUIRED", definition.name());
            }
        }
        return canonical;
    }

    private static RuleViolation rejected(ParameterDefinition definition, String raw) {
        if (definition.name().equals("Action")) {
            return new RuleViolation("R-ACTION", ErrorCode.INVALID_ACTION);
        }
        if (definition.name().equals("Timestamp")) {
            return new RuleViolation("R-SIGNATURE", ErrorCode.TIMESTAMP_FORMAT);
        }
        String rule = "boolean".equals(definition.type()) ? "R-BOOLEAN" : "R-ENUM";
        return RuleViolation.invalid(rule, definition.name(),
                "\"" + printable(definition, raw) + "\". Valid values: " + definition.validValues() + ".");
    }

    /** Adds every value to {@code sent}; false when a name already has another value. */
    private static boolean collect(Map<String, List<String>> source, Map<String, String> sent) {
        for (Map.Entry<String, List<String>> parameter : source.entrySet()) {
            for (String value : parameter.getValue()) {
                String previous = sent.putIfAbsent(parameter.getKey(), value);
                if (previous != null && !previous.equals(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The rule broken, naming the first parameter with several values and at most three of them (secrets masked). */
    private RuleViolation moreThanOneValue(List<Map<String, List<String>>> sources) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (Map<String, List<String>> source : sources) {
            source.forEach((name, list) -> list.stream().filter(Objects::nonNull)
                    .forEach(v -> values.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(v)));
        }
        Map.Entry<String, Set<String>> first = values.entrySet().stream().filter(e -> e.getValue().size() > 1).findFirst().orElseThrow();
        ParameterDefinition definition = definitions.get(first.getKey());
        if (definition == null) { // a parameter the spec does not know may hold anything, a secret too: no value shown
            return RuleViolation.invalid("R-SINGLE-VALUE", first.getKey(), "it has more than one value.");
        }
        List<String> shown = first.getValue().stream().limit(3).map(v -> printable(definition, v)).toList();
        return RuleViolation.invalid("R-SINGLE-VALUE", first.getKey(), "it has more than one value: "
                + String.join(", ", shown) + (first.getValue().size() > 3 ? ", ..." : "") + ".");
    }

    /** A value as an error message may show it: a secret's (format: password in the spec) never; see {@link Printable}. */
    static String printable(ParameterDefinition definition, String raw) {
        return definition.secret() ? dev.dtscontract.server.domain.Secret.MASK : Printable.of(raw);
    }
}
