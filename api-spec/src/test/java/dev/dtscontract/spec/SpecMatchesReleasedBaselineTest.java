package dev.dtscontract.spec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spec's own drift, beyond openapi-diff (which ignores examples and treats a loosened pattern as compatible):
 * the error catalogue, the x-rules and every constraint must equal the released baseline's, unless the baseline is
 * released in the same commit.
 */
class SpecMatchesReleasedBaselineTest {

    /** Surefire runs in the module's directory; the baseline is not packaged. */
    static final Path BASELINE = Path.of("baseline", "ModifyDtsJobEndpoint.yaml");
    /** The spec's own Throttling.User message, so the expected catalogue lines follow the spec. */
    private static final String THROTTLED_MESSAGE = SpecExamples.load().response("ModifyDtsJobEndpointThrottlingUser", "application/json").field("Message");
    static final String RELEASE = "cp api-spec/src/main/resources/openapi/ModifyDtsJobEndpoint.yaml api-spec/baseline/ModifyDtsJobEndpoint.yaml";

    @Test
    void errorCatalogueRulesAndConstraints_equalTheReleasedBaselines() throws IOException {
        ContractFacts released = ContractFacts.of(Files.readString(BASELINE, StandardCharsets.UTF_8));
        List<String> changes = ContractFacts.of(SpecModel.text()).changesSince(released);
        assertTrue(changes.isEmpty(), () -> changes.size() + " change(s) of the contract since the released baseline "
                + BASELINE + ":\n  " + String.join("\n  ", changes)
                + "\nIf they are deliberate, release the baseline in the same commit:\n  " + RELEASE + "\n");
    }

    @Test
    void theFactsCoverTheCatalogueTheRulesAndThePatterns() {
        ContractFacts facts = ContractFacts.of(SpecModel.text());
        String throttled = "error Throttling.User: HTTP 400, HttpStatusCode 400, application/json, \"" + THROTTLED_MESSAGE + "\"";
        assertEquals(List.of(throttled), facts.facts().keySet().stream().filter(k -> k.startsWith("error Throttling.User")).toList());
        String missing = SpecExamples.load().response("ModifyDtsJobEndpointMissingEndpoint", "application/xml").body()
                .replaceAll("(?s).*<Message>(.*?)</Message>.*", "$1");
        assertTrue(facts.facts().containsKey("error MissingParameter: HTTP 400, HttpStatusCode 400, application/xml, \"" + missing + "\""),
                missing);
        assertEquals(SpecExamples.load().rules().size(), facts.facts().keySet().stream().filter(k -> k.startsWith("rule ")).count());
        assertEquals("\"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$\"",
                facts.facts().get("constraint /components/parameters/Timestamp/schema/pattern"));
        assertTrue(facts.facts().get("rule R-DATABASE").contains("cases [\"postgresql\""), facts.facts().get("rule R-DATABASE"));
    }

    @Test
    void aStatusMovedAPatternLoosenedAndARuleCaseDropped_areEachReported() {
        String spec = SpecModel.text();
        ContractFacts released = ContractFacts.of(spec);
        // The Throttling.User example's line of the spec, its HttpStatusCode moved from 400 to 429.
        String line = spec.lines().filter(l -> l.contains("{Code: Throttling.User,")).findFirst().orElseThrow();
        String changed = spec
                .replace(line, line.replace("HttpStatusCode: \"400\"", "HttpStatusCode: \"429\""))
                .replace("pattern: '^[0-9a-f]{64}$'", "pattern: '^[0-9a-f]+$'")
                .replace("cases: [postgresql, analyticdb_postgresql, mongodb]", "cases: [postgresql, mongodb]");
        List<String> changes = ContractFacts.of(changed).changesSince(released);
        assertEquals(List.of(
                "changed constraint /components/parameters/XAcsContentSha256/schema/pattern: \"^[0-9a-f]{64}$\"  ->  \"^[0-9a-f]+$\"",
                "removed error Throttling.User: HTTP 400, HttpStatusCode 400, application/json, \"" + THROTTLED_MESSAGE + "\"",
                "added   error Throttling.User: HTTP 400, HttpStatusCode 429, application/json, \"" + THROTTLED_MESSAGE + "\""),
                changes.subList(0, 3));
        assertEquals(4, changes.size(), String.join("\n", changes));
        assertTrue(changes.get(3).startsWith("changed rule R-DATABASE: errorCode MissingParameter, cases [\"postgresql\",\"analyticdb_postgresql\",\"mongodb\"]"), changes.get(3));
    }

    @Test
    void aNewOptionalParameterWithItsConstraints_isNoChange_butANewConstraintOfAnOldOneIs() {
        String spec = SpecModel.text();
        ContractFacts released = ContractFacts.of(spec);
        String withNew = spec.replaceFirst("(?m)^  parameters:\n", "  parameters:\n    TeamTag:\n      name: TeamTag\n      in: query\n"
                + "      required: false\n      schema:\n        type: string\n        maxLength: 64\n")
                .replaceFirst("(?m)^(    ModifyDtsJobEndpointRequest:\n(?:.*\n)*?      properties:\n)",
                        "$1        TeamTag:\n          type: string\n          maxLength: 64\n");
        assertTrue(withNew.contains("TeamTag:\n          type: string"), "the copy has the new property");
        assertEquals(List.of(), ContractFacts.of(withNew).changesSince(released));
        String tightened = spec.replaceFirst("(?m)^(    ResourceGroupId:\n(?:.*\n)*?      schema:\n        type: string\n)",
                "$1        maxLength: 64\n");
        assertEquals(List.of("added   constraint /components/parameters/ResourceGroupId/schema/maxLength: 64"),
                ContractFacts.of(tightened).changesSince(released));
    }
}
