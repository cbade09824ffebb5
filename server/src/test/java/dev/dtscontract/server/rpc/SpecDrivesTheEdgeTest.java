package dev.dtscontract.server.rpc;

import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.spec.SpecContract;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge follows the spec, not code: a copy of the spec with a change gives an edge that enforces the change. What a
 * spec-driven team does (README "Changing the spec") is one edit of the YAML; these copies make that edit here.
 */
class SpecDrivesTheEdgeTest {

    private static final String SPEC = SpecContract.text();

    /** The spec with one more optional query parameter of the GET operation, of this schema. */
    private static String withParameter(String name, String schema) {
        String reference = "      parameters:\n        - $ref: '#/components/parameters/Action'\n";
        assertTrue(SPEC.contains(reference), "the GET operation lists Action first");
        String definition = "  parameters:\n    " + name + ":\n      name: " + name + "\n      in: query\n      required: false\n"
                + "      schema:\n" + schema.indent(8);
        return SPEC.replaceFirst(java.util.regex.Pattern.quote(reference), java.util.regex.Matcher.quoteReplacement(
                        reference + "        - $ref: '#/components/parameters/" + name + "'\n"))
                .replaceFirst("(?m)^  parameters:\n", java.util.regex.Matcher.quoteReplacement(definition));
    }

    private static Map<String, String> canonical(RpcParameters parameters, String... pairs) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        values.put("Action", List.of("ModifyDtsJobEndpoint"));
        values.put("Endpoint", List.of("src"));
        values.put("EndpointInstanceType", List.of("rds"));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], List.of(pairs[i + 1]));
        }
        return parameters.canonicalize(parameters.merge(List.of(new UrlEncoded.Decoded(values, List.of()))));
    }

    @Test
    void anOptionalParameterAdded_withAMaxLength_isEnforcedWithoutCode() {
        RpcParameters edge = new RpcParameters(SpecContract.parse(withParameter("TeamTag", "type: string\nmaxLength: 64\n")).parameters());
        assertEquals("x".repeat(64), canonical(edge, "TeamTag", "x".repeat(64)).get("TeamTag"));
        RuleViolation refused = assertThrows(RuleViolation.class, () -> canonical(edge, "TeamTag", "x".repeat(70)));
        assertEquals(ErrorCode.INVALID_PARAMETER, refused.code());
        assertTrue(refused.getMessage().contains("\"TeamTag\"") && refused.getMessage().contains("at most 64 characters"), refused.getMessage());
    }

    @Test
    void anOptionalParameterAdded_withAnEnum_refusesOtherValues() {
        RpcParameters edge = new RpcParameters(SpecContract.parse(withParameter("Tier", "type: string\nenum: [gold, silver]\n")).parameters());
        assertEquals("gold", canonical(edge, "Tier", "gold").get("Tier"));
        assertThrows(RuleViolation.class, () -> canonical(edge, "Tier", "bronze"));
    }

    @Test
    void twoStringParametersReordered_stillReachTheirOwnNames() {
        String reordered = SPEC.replace("        - $ref: '#/components/parameters/DtsJobId'\n        - $ref: '#/components/parameters/DtsInstanceId'\n",
                "        - $ref: '#/components/parameters/DtsInstanceId'\n        - $ref: '#/components/parameters/DtsJobId'\n");
        assertNotEquals(SPEC, reordered, "the copy must differ");
        SpecContract copy = SpecContract.parse(reordered);
        assertEquals(List.of("DtsInstanceId", "DtsJobId"), copy.parameters().keySet().stream()
                .filter(n -> n.equals("DtsJobId") || n.equals("DtsInstanceId")).toList(), "the copy lists them the other way round");
        Map<String, String> values = canonical(new RpcParameters(copy.parameters()), "DtsJobId", "job-1", "DtsInstanceId", "instance-2");
        assertEquals("job-1", values.get("DtsJobId"));
        assertEquals("instance-2", values.get("DtsInstanceId"));
    }
}
