package dev.dtscontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The house lint, run over the parsed model: everything documented, nothing unused, parameters defined once. */
class SpecLintTest {

    private final OpenAPI spec = SpecModel.model();
    private final Components components = spec.getComponents();

    @Test
    void everyParameter_hasDescriptionExampleAndSchema() {
        List<String> problems = new ArrayList<>();
        components.getParameters().forEach((key, p) -> {
            if (blank(p.getDescription())) problems.add(key + ": no description");
            if (p.getExample() == null) problems.add(key + ": no example");
            if (p.getSchema() == null) problems.add(key + ": no schema");
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everySchemaAndProperty_hasDescriptionAndExample() {
        List<String> problems = new ArrayList<>();
        components.getSchemas().forEach((name, schema) -> {
            if (blank(schema.getDescription())) problems.add(name + ": no description");
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) {
                if (schema.getExample() == null) problems.add(name + ": no example");
                return;
            }
            properties.forEach((prop, s) -> {
                Schema<?> target = s.get$ref() == null ? s : components.getSchemas().get(refName(s.get$ref()));
                if (target == null) problems.add(name + "." + prop + ": dangling $ref " + s.get$ref());
                else {
                    if (blank(target.getDescription())) problems.add(name + "." + prop + ": no description");
                    if (target.getExample() == null) problems.add(name + "." + prop + ": no example");
                }
            });
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyEnum_explainsEachValue() {
        List<String> problems = new ArrayList<>();
        components.getSchemas().forEach((name, schema) -> {
            if (schema.getEnum() == null || "boolean".equals(schema.getType())) return;
            Object described = schema.getExtensions() == null ? null : schema.getExtensions().get("x-enum-descriptions");
            if (!(described instanceof Map<?, ?> map)) {
                problems.add(name + ": no x-enum-descriptions");
                return;
            }
            for (Object value : schema.getEnum()) {
                if (!(map.get(String.valueOf(value)) instanceof String text) || text.isBlank()) {
                    problems.add(name + ": value " + value + " unexplained");
                }
            }
            if (map.size() != schema.getEnum().size()) problems.add(name + ": explains values it does not have");
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyOperationAndResponse_isDocumented() {
        List<String> problems = new ArrayList<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String where = method + " " + path;
            if (blank(op.getOperationId())) problems.add(where + ": no operationId");
            if (blank(op.getSummary())) problems.add(where + ": no summary");
            if (blank(op.getDescription())) problems.add(where + ": no description");
            op.getResponses().forEach((status, r) -> {
                ApiResponse response = r.get$ref() == null ? r : components.getResponses().get(refName(r.get$ref()));
                if (response == null || blank(response.getDescription())) problems.add(where + " " + status + ": undocumented");
            });
        }));
        components.getResponses().forEach((name, r) -> {
            if (blank(r.getDescription())) problems.add("response " + name + ": no description");
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void operations_referenceParametersDefinedOnce() {
        List<String> problems = new ArrayList<>();
        for (Operation op : operations()) {
            for (Parameter p : op.getParameters()) {
                if (p.get$ref() == null) problems.add(op.getOperationId() + ": inline parameter " + p.getName());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyComponent_isUsed() {
        Set<String> refs = new HashSet<>();
        collectRefs(Json.mapper().valueToTree(spec), refs);
        List<String> unused = new ArrayList<>();
        checkUsed("schemas", components.getSchemas(), refs, unused);
        checkUsed("parameters", components.getParameters(), refs, unused);
        checkUsed("responses", components.getResponses(), refs, unused);
        checkUsed("requestBodies", components.getRequestBodies(), refs, unused);
        checkUsed("examples", components.getExamples(), refs, unused);
        Set<String> schemesInUse = new HashSet<>();
        spec.getSecurity().forEach(req -> schemesInUse.addAll(req.keySet()));
        operations().forEach(op -> {
            if (op.getSecurity() != null) op.getSecurity().forEach(req -> schemesInUse.addAll(req.keySet()));
        });
        components.getSecuritySchemes().keySet().stream()
                .filter(s -> !schemesInUse.contains(s))
                .forEach(s -> unused.add("securitySchemes/" + s));
        assertEquals(List.of(), unused);
    }

    private List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        spec.getPaths().values().forEach(item -> ops.addAll(item.readOperations()));
        return ops;
    }

    private static void checkUsed(String kind, Map<String, ?> defined, Set<String> refs, List<String> unused) {
        if (defined == null) return;
        defined.keySet().stream()
                .filter(name -> !refs.contains("#/components/" + kind + "/" + name))
                .forEach(name -> unused.add(kind + "/" + name));
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) refs.add(e.getValue().asText());
                else collectRefs(e.getValue(), refs);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
