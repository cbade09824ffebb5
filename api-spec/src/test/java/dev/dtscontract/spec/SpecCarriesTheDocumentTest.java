package dev.dtscontract.spec;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec against Alibaba Cloud's document (fixtures transcribe its tables) and against its own rule list. */
class SpecCarriesTheDocumentTest {

    private final OpenAPI spec = SpecModel.model();

    @Test
    void getOperation_carriesEveryDocumentedParameterWithTypeRequiredFlagAndExample() {
        Operation get = spec.getPaths().get("/").getGet();
        Map<String, Parameter> byName = new HashMap<>();
        get.getParameters().forEach(p -> {
            Parameter resolved = parameter(p);
            byName.put(resolved.getName(), resolved);
        });
        List<String> problems = new ArrayList<>();
        for (String[] row : SpecModel.tsv("documented/parameters.tsv")) {
            Parameter p = byName.get(row[0]);
            if (p == null) {
                problems.add(row[0] + ": missing");
                continue;
            }
            if (!row[1].equals(type(p.getSchema()))) problems.add(row[0] + ": type " + type(p.getSchema()));
            // Required by the schema, or by rule R-REQUIRED wherever it travels (Action: query, form or x-acs-action).
            boolean required = Boolean.TRUE.equals(p.getRequired())
                    || (p.getExtensions() != null && Boolean.TRUE.equals(p.getExtensions().get("x-rpc-required")));
            if (Boolean.parseBoolean(row[2]) != required) problems.add(row[0] + ": required flag");
            if (!row[3].equals(String.valueOf(p.getExample()))) problems.add(row[0] + ": example " + p.getExample());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void postOperation_acceptsEveryParameterInQueryAndForm() {
        Operation post = spec.getPaths().get("/").getPost();
        Set<String> query = new TreeSet<>();
        post.getParameters().forEach(p -> {
            Parameter resolved = parameter(p);
            assertTrue(!Boolean.TRUE.equals(resolved.getRequired()), resolved.getName() + " must be optional on POST");
            if ("query".equals(resolved.getIn())) query.add(resolved.getName());
        });
        Set<String> getNames = new TreeSet<>();
        spec.getPaths().get("/").getGet().getParameters().stream().map(this::parameter)
                .filter(p -> "query".equals(p.getIn())).forEach(p -> getNames.add(p.getName()));
        assertEquals(getNames, query, "POST query parameters differ from GET's");

        Schema<?> form = spec.getComponents().getSchemas().get("ModifyDtsJobEndpointRequest");
        Set<String> formNames = new TreeSet<>(form.getProperties().keySet());
        formNames.remove("Signature");
        Set<String> onlyInQuery = new TreeSet<>(getNames);
        onlyInQuery.removeAll(formNames);
        Set<String> onlyInForm = new TreeSet<>(formNames);
        onlyInForm.removeAll(getNames);
        assertEquals("", (onlyInQuery.isEmpty() ? "" : "query parameters missing from the ModifyDtsJobEndpointRequest schema (the form "
                + "and the operations' input): " + onlyInQuery + ". ") + (onlyInForm.isEmpty() ? "" : "properties of the "
                + "ModifyDtsJobEndpointRequest schema that are no query parameter of GET: " + onlyInForm + "."));
        assertTrue(form.getRequired() == null || form.getRequired().isEmpty(), "form fields must be optional");
    }

    @Test
    void errorExamples_carryEveryDocumentedCodeWithItsStatusAndMessage() {
        Map<String, ErrorExample> examples = errorExamples();
        List<String> problems = new ArrayList<>();
        for (String[] row : SpecModel.tsv("documented/error-codes.tsv")) {
            boolean found = examples.values().stream().anyMatch(e ->
                    e.code().equals(row[1]) && e.status().equals(row[0]) && e.message().equals(row[2]));
            if (!found) problems.add(row[0] + " " + row[1] + ": no example with the documented status and message");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void errorExamples_areConsistentWithTheirResponse() {
        List<String> problems = new ArrayList<>();
        errorExamples().forEach((id, e) -> {
            Map<?, ?> body = e.body();
            if (!e.status().equals(body.get("HttpStatusCode"))) problems.add(id + ": HttpStatusCode is not " + e.status());
            if (!body.get("Code").equals(body.get("ErrCode"))) problems.add(id + ": Code differs from ErrCode");
            if (!body.get("Message").equals(body.get("ErrMessage"))) problems.add(id + ": Message differs from ErrMessage");
            if (!Boolean.FALSE.equals(body.get("Success"))) problems.add(id + ": Success is not false");
            if (SpecContract.load().operations().keySet().stream().noneMatch(id::startsWith)) {
                problems.add(id + ": id not prefixed by an operation");
            }
            if (e.example().getSummary() == null) problems.add(id + ": no summary");
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void rules_haveUniqueIdsAndEveryErrorCodeHasAnExample() {
        List<Map<String, Object>> rules = rules();
        Set<String> ids = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        errorExamples().values().forEach(e -> codes.add(e.code()));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            String id = (String) rule.get("id");
            if (id == null || !id.matches("R-[A-Z-]+")) problems.add("bad id " + id);
            if (!ids.add(id)) problems.add("duplicate id " + id);
            if (!(rule.get("text") instanceof String text) || text.isBlank()) problems.add(id + ": no text");
            Object code = rule.get("errorCode");
            if (code != null && !codes.contains(code)) problems.add(id + ": no example for " + code);
        }
        errorExamples().forEach((exampleId, e) -> {
            Object rule = e.example().getExtensions() == null ? null : e.example().getExtensions().get("x-rule");
            Object appliesTo = e.example().getExtensions() == null ? null : e.example().getExtensions().get("x-applies-to");
            if (rule == null && appliesTo == null) problems.add(exampleId + ": neither x-rule nor x-applies-to");
            if (rule != null && !ids.contains(rule)) problems.add(exampleId + ": unknown rule " + rule);
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void documentedSampleRequest_isAFormExampleWithTheDocumentsValues() {
        Object value = spec.getComponents().getRequestBodies().get("ModifyDtsJobEndpointForm").getContent()
                .get("application/x-www-form-urlencoded").getExamples().get("ModifyDtsJobEndpointDocumentedSample").getValue();
        Map<?, ?> sample = asMap(value);
        assertEquals("dtsaw012y2g15q****", sample.get("DtsInstanceId"));
        assertEquals("rm-bp10k50h8374w****", sample.get("EndpointInstanceId"));
        assertEquals(true, sample.get("DryRun"));
        assertEquals(10, sample.size(), "the document's sample has ten parameters besides the common ones");
    }

    @Test
    void successResponse_offersJsonAndXmlWithTheDocumentedRoot() {
        ApiResponse ok = spec.getComponents().getResponses().get("ModifyDtsJobEndpointOk");
        assertEquals(Set.of("application/json", "application/xml"), ok.getContent().keySet());
        Schema<?> schema = spec.getComponents().getSchemas().get("ModifyDtsJobEndpointResponse");
        assertEquals("ModifyDtsJobEndpointResponse", schema.getXml().getName());
        String xml = (String) ok.getContent().get("application/xml").getExamples().get("ModifyDtsJobEndpointDocumentedSample").getValue();
        assertTrue(xml.startsWith("<ModifyDtsJobEndpointResponse>"), xml);
        assertTrue(!schema.getProperties().containsKey("Code"), "a success body must not carry Code");
    }

    @Test
    void caseInsensitiveEnums_areMarkedForCode() {
        Map<String, Schema> schemas = spec.getComponents().getSchemas();
        for (String name : List.of("EndpointInstanceType", "Endpoint", "SynchronizationDirection", "Format")) {
            assertEquals(true, schemas.get(name).getExtensions().get("x-case-insensitive"), name);
        }
    }

    private record ErrorExample(String status, Example example, Map<?, ?> body) {
        String code() {
            return (String) body.get("Code");
        }

        String message() {
            return (String) body.get("Message");
        }
    }

    /** Every JSON example of every non-2xx response, by example id. */
    private Map<String, ErrorExample> errorExamples() {
        Map<String, ErrorExample> out = new LinkedHashMap<>();
        for (Operation op : spec.getPaths().values().stream().flatMap(p -> java.util.stream.Stream.of(p.getGet(), p.getPost())).toList()) {
            op.getResponses().forEach((status, r) -> {
                if (status.startsWith("2")) return;
                ApiResponse response = spec.getComponents().getResponses().get(refName(r.get$ref()));
                MediaType json = response.getContent().get("application/json");
                json.getExamples().forEach((id, example) ->
                        out.put(id, new ErrorExample(status, example, asMap(example.getValue()))));
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rules() {
        return spec.getPaths().values().stream()
                .flatMap(p -> ((List<Map<String, Object>>) p.getExtensions().get("x-rules")).stream()).toList();
    }

    private Parameter parameter(Parameter p) {
        return p.get$ref() == null ? p : spec.getComponents().getParameters().get(refName(p.get$ref()));
    }

    private String type(Schema<?> schema) {
        Schema<?> s = schema.get$ref() == null ? schema : spec.getComponents().getSchemas().get(refName(schema.get$ref()));
        return s.getType();
    }

    /** Examples parse to Jackson trees; compare them as plain maps. */
    private static Map<?, ?> asMap(Object exampleValue) {
        return Json.mapper().convertValue(exampleValue, Map.class);
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
