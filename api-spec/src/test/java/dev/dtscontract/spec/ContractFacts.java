package dev.dtscontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a spec that openapi-diff does not compare but a provider or client must honour, as sorted
 * "key → value" facts: the error catalogue (each documented answer's code, HTTP status, HttpStatusCode, media type
 * and message, read from the response examples under the operations), the {@code x-rules} of the path {@code /}, and every schema
 * constraint (pattern, enum, lengths, bounds, format) by its JSON pointer. Two specs with equal facts agree on them.
 */
record ContractFacts(SortedMap<String, String> facts, Set<String> owners) {

    private static final Set<String> CONSTRAINTS = Set.of("pattern", "enum", "minLength", "maxLength", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "format", "x-case-insensitive");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    static ContractFacts of(String yaml) {
        JsonNode spec;
        try {
            spec = Yaml.mapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SortedMap<String, Set<String>> collected = new TreeMap<>();
        errorCatalogue(spec, collected);
        rules(spec, collected);
        constraints(spec, "", collected);
        SortedMap<String, String> facts = new TreeMap<>();
        collected.forEach((key, values) -> facts.put(key, String.join(" | ", values)));
        Set<String> owners = new TreeSet<>();
        spec.path("components").path("parameters").fieldNames().forEachRemaining(name -> owners.add("/components/parameters/" + name));
        spec.path("components").path("schemas").fields().forEachRemaining(schema -> schema.getValue().path("properties").fieldNames()
                .forEachRemaining(property -> owners.add("/components/schemas/" + schema.getKey() + "/properties/" + property)));
        return new ContractFacts(facts, owners);
    }

    /**
     * The parameter or schema property a constraint belongs to ("/components/parameters/X" or
     * "/components/schemas/S/properties/P"), or null for one elsewhere.
     */
    private static String owner(String key) {
        if (!key.startsWith("constraint /components/")) {
            return null;
        }
        String[] parts = key.substring("constraint ".length()).split("/");
        if (parts.length > 3 && parts[2].equals("parameters")) {
            return "/components/parameters/" + parts[3];
        }
        if (parts.length > 5 && parts[2].equals("schemas") && parts[4].equals("properties")) {
            return "/components/schemas/" + parts[3] + "/properties/" + parts[5];
        }
        return null;
    }

    /**
     * Each difference from {@code released}, one line each: what changed, was added or was removed. The constraints of a
     * parameter or property the released spec did not have are not a change of it (adding an optional parameter with
     * its maxLength needs no baseline release); its being required is (openapi-diff judges that).
     */
    List<String> changesSince(ContractFacts released) {
        List<String> changes = new ArrayList<>();
        Set<String> keys = new TreeSet<>(released.facts.keySet());
        keys.addAll(facts.keySet());
        for (String key : keys) {
            String before = released.facts.get(key);
            String now = facts.get(key);
            if (before == null) {
                String owner = owner(key);
                if (owner != null && !released.owners.contains(owner)) {
                    continue; // a new parameter's own constraints
                }
                changes.add("added   " + key + (now.isEmpty() ? "" : ": " + now));
            } else if (now == null) {
                changes.add("removed " + key + (before.isEmpty() ? "" : ": " + before));
            } else if (!before.equals(now)) {
                changes.add("changed " + key + ": " + before + "  ->  " + now);
            }
        }
        return changes;
    }

    private static void errorCatalogue(JsonNode spec, Map<String, Set<String>> facts) {
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            operation.getValue().path("responses").fields().forEachRemaining(status -> {
                JsonNode response = resolve(spec, status.getValue());
                response.path("content").fields().forEachRemaining(media -> media.getValue().path("examples").forEach(example ->
                        errorFact(status.getKey(), media.getKey(), example.path("value"), facts)));
            });
        }));
    }

    private static void errorFact(String status, String mediaType, JsonNode value, Map<String, Set<String>> facts) {
        String code;
        String message;
        String httpStatusCode;
        if (value.isTextual()) { // an XML example
            code = xmlElement(value.asText(), "Code");
            message = xmlElement(value.asText(), "Message");
            httpStatusCode = xmlElement(value.asText(), "HttpStatusCode");
        } else {
            code = value.path("Code").isMissingNode() ? null : value.path("Code").asText();
            message = value.path("Message").asText(null);
            httpStatusCode = value.path("HttpStatusCode").asText(null);
        }
        if (code != null) { // one fact per documented answer, so a moved status reads as one removed and one added
            facts.computeIfAbsent("error " + code + ": HTTP " + status + ", HttpStatusCode " + httpStatusCode + ", "
                    + mediaType + ", \"" + message + "\"", k -> new TreeSet<>()); // the key is the fact
        }
    }

    private static String xmlElement(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static void rules(JsonNode spec, Map<String, Set<String>> facts) {
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().path("x-rules").forEach(rule ->
                facts.computeIfAbsent("rule " + rule.path("id").asText(), k -> new TreeSet<>()).add(
                        "errorCode " + rule.path("errorCode").asText("") + ", cases " + rule.path("cases")
                                + ", text: " + rule.path("text").asText().strip().replaceAll("\\s+", " "))));
    }

    /** Every constraint keyword of a schema anywhere in the spec, outside examples (which are data). */
    private static void constraints(JsonNode node, String pointer, Map<String, Set<String>> facts) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                constraints(node.get(i), pointer + "/" + i, facts);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals("examples") || key.equals("example")) {
                continue;
            }
            String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
            if (CONSTRAINTS.contains(key) && (field.getValue().isValueNode() || key.equals("enum"))) {
                facts.computeIfAbsent("constraint " + child, k -> new TreeSet<>()).add(field.getValue().toString());
            } else {
                constraints(field.getValue(), child, facts);
            }
        }
    }

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : spec.at(ref.asText().substring(1));
    }
}
