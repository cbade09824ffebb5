package dev.dtscontract.spec;

import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec model of main code reads what the OpenAPI parser reads (another reader of the same YAML). */
class SpecContractTest {

    private final SpecContract contract = SpecContract.load();

    @Test
    void theExamplesForTools_areTheSpecExamples_asMapsForJson_andTextForXml() {
        SpecExamples.ResponseExample json = SpecExamples.load().response("ModifyDtsJobEndpointDocumentedSample", "application/json");
        Object map = SpecContract.responseExample("ModifyDtsJobEndpointDocumentedSample", "application/json");
        assertEquals(json.field("RequestId"), ((java.util.Map<?, ?>) map).get("RequestId"));
        assertEquals(Boolean.TRUE, ((java.util.Map<?, ?>) map).get("Success"));
        assertEquals("200", ((java.util.Map<?, ?>) map).get("HttpStatusCode"));
        assertEquals(SpecExamples.load().response("ModifyDtsJobEndpointDocumentedSample", "application/xml").body(),
                SpecContract.responseExample("ModifyDtsJobEndpointDocumentedSample", "application/xml"));
        assertEquals("dtsaw012y2g15q****", SpecContract.requestExample("ModifyDtsJobEndpointDocumentedSample").get("DtsInstanceId"));
    }

    @Test
    void everyExample_isWhatTheOpenApiParserReads() {
        io.swagger.v3.oas.models.OpenAPI parsed = SpecModel.model();
        com.fasterxml.jackson.databind.ObjectMapper json = io.swagger.v3.core.util.Json.mapper();
        int requests = 0;
        for (io.swagger.v3.oas.models.parameters.RequestBody body : parsed.getComponents().getRequestBodies().values()) {
            for (io.swagger.v3.oas.models.media.MediaType media : body.getContent().values()) {
                for (java.util.Map.Entry<String, io.swagger.v3.oas.models.examples.Example> e : media.getExamples().entrySet()) {
                    java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
                    json.convertValue(e.getValue().getValue(), com.fasterxml.jackson.databind.JsonNode.class).fields()
                            .forEachRemaining(f -> expected.put(f.getKey(), f.getValue().asText()));
                    assertEquals(expected, SpecExamples.load().request(e.getKey()).parameters(), e.getKey());
                    requests++;
                }
            }
        }
        int responses = 0;
        for (io.swagger.v3.oas.models.responses.ApiResponse response : parsed.getComponents().getResponses().values()) {
            for (java.util.Map.Entry<String, io.swagger.v3.oas.models.media.MediaType> media : response.getContent().entrySet()) {
                if (media.getValue().getExamples() == null) {
                    continue;
                }
                for (java.util.Map.Entry<String, io.swagger.v3.oas.models.examples.Example> e : media.getValue().getExamples().entrySet()) {
                    SpecExamples.ResponseExample ours = SpecExamples.load().response(e.getKey(), media.getKey());
                    Object value = e.getValue().getValue();
                    if (value instanceof String text) {
                        assertEquals(text, ours.body(), e.getKey());
                    } else {
                        assertEquals(json.convertValue(value, com.fasterxml.jackson.databind.JsonNode.class), ours.json(), e.getKey());
                    }
                    responses++;
                }
            }
        }
        assertEquals(SpecExamples.load().requests().size(), requests);
        assertEquals(SpecExamples.load().responses().size(), responses);
    }

    @Test
    void catalogue_givesTheDocumentedStatuses() {
        assertEquals(400, contract.statusOf("Throttling.User").orElseThrow());
        assertEquals(403, contract.statusOf("NoPermission.Operator").orElseThrow());
        assertEquals(404, contract.statusOf("InvalidDtsJobId.NotFound").orElseThrow());
        assertTrue(contract.statusOf("NoSuchCode").isEmpty());
    }

    @Test
    void parameters_areTheQueryParametersOfTheGetOperation_asTheParserReadsThem() {
        Set<String> parsed = SpecModel.model().getPaths().get("/").getGet().getParameters().stream()
                .map(p -> p.get$ref() == null ? p : SpecModel.model().getComponents().getParameters()
                        .get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1)))
                .filter(p -> "query".equals(p.getIn())).map(Parameter::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(parsed, new TreeSet<>(contract.parameters().keySet()));
        assertTrue(contract.parameters().keySet().stream().noneMatch(n -> n.startsWith("x-acs-")), "headers are not query parameters");
    }

    @Test
    void parameters_carryTheDocumentedRequiredFlags() {
        assertTrue(contract.parameters().get("Endpoint").required());
        assertTrue(contract.parameters().get("EndpointInstanceType").required());
        assertFalse(contract.parameters().get("DtsJobId").required());
        assertTrue(contract.parameters().get("Action").required(), "Action: x-rpc-required (query, form or x-acs-action)");
        assertTrue(contract.parameters().get("Password").secret());
        assertFalse(contract.parameters().get("Username").secret());
    }

    @Test
    void aLengthTheSpecStates_isEnforced_andNamedInTheValidValues() {
        ParameterDefinition d = new ParameterDefinition("Tag", false, "string", List.of(), false, null, false, 2, 4);
        assertTrue(d.canonical("ab").isPresent());
        assertTrue(d.canonical("杭州杭州").isPresent(), "characters, not bytes");
        assertTrue(d.canonical("a").isEmpty());
        assertTrue(d.canonical("abcde").isEmpty());
        assertEquals("2 to 4 characters", d.validValues());
    }

    @Test
    void aCopyOfTheSpecWithAMaxLength_givesTheParameterThatBound() {
        String copy = SpecContract.text().replaceFirst("(?m)^(    ResourceGroupId:\\n(?:.*\\n)*?      schema:\\n)(        type: string\\n)",
                "$1$2        maxLength: 64\n");
        assertEquals(64, SpecContract.parse(copy).parameters().get("ResourceGroupId").maxLength(), "the copy must carry the bound");
        assertEquals(Integer.MAX_VALUE, contract.parameters().get("ResourceGroupId").maxLength());
    }

    @Test
    void aReadChangesNothing_andAChangeOnlyWhenItAsksForThePrecheck() {
        assertTrue(contract.operation("DescribeDtsJobDetail").orElseThrow().readOnly());
        assertFalse(contract.operation("ModifyDtsJobEndpoint").orElseThrow().readOnly());
        assertTrue(contract.changesNothing(java.util.Map.of("Action", "DescribeDtsJobDetail", "DtsJobId", "j")));
        assertTrue(contract.changesNothing(java.util.Map.of("Action", "DescribeDtsJobDetail", "DryRun", "false")));
        assertFalse(contract.changesNothing(java.util.Map.of("Action", "ModifyDtsJobEndpoint", "DtsJobId", "j")));
        assertFalse(contract.changesNothing(java.util.Map.of("DtsJobId", "j")), "no Action: the first operation's, a change");
        assertFalse(contract.changesNothing(java.util.Map.of("DryRun", "false")));
        assertTrue(contract.changesNothing(java.util.Map.of("DryRun", "TRUE")), "any case, as the emulator reads it");
        assertTrue(contract.changesNothing(java.util.Map.of("Action", "DeleteDtsJob")), "an Action no provider has is refused");
        String copy = SpecContract.text().replace("      x-read-only: true\n", "");
        assertFalse(SpecContract.parse(copy).operation("DescribeDtsJobDetail").orElseThrow().readOnly(),
                "the flag comes from the spec, not from the name");
    }
}
