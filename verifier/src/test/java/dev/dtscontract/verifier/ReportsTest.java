package dev.dtscontract.verifier;

import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.verifier.Check.Signature;
import dev.dtscontract.spec.SpecExamples.Rule;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsTest {

    private static final List<Check> CHECKS = Plan.all(SpecExamples.load(), Signature.V3);
    private static final Reports.Run RUN = new Reports.Run("http://127.0.0.1:8080", "v3", Instant.parse("2026-11-28T03:00:00Z"), 1234);

    private static Check named(String name) {
        return CHECKS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static final List<Result> RESULTS = List.of(
            Result.of(named(Plan.SAMPLE), 200, List.of(), 12),
            Result.of(named("ModifyDtsJobEndpointMissingEndpoint"), 404,
                    List.of("ModifyDtsJobEndpointMissingEndpoint: status 404, documented 400", "a body with \u0000 and | in it"), 7),
            Result.skipped(named(Plan.PROBE_REPLAY), "not selected (--examples)"));

    @Test
    void junit_countsEveryVerdict_andTypesFailuresByTheirRule_evenWithCharactersXmlCannotCarry() throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Reports.junit(RUN, RESULTS).getBytes(StandardCharsets.UTF_8)));
        Element suite = d.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("1.234", suite.getAttribute("time"));
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        assertEquals("R-REQUIRED", failure.getAttribute("type"));
        assertEquals("ModifyDtsJobEndpointMissingEndpoint: status 404, documented 400", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("a body with \\u0000 and | in it"), failure.getTextContent());
        Element skipped = (Element) d.getElementsByTagName("skipped").item(0);
        assertEquals("not selected (--examples)", skipped.getAttribute("message"));
        Element first = (Element) d.getElementsByTagName("testcase").item(0);
        assertEquals("ModifyDtsJobEndpoint.success", first.getAttribute("classname"));
    }

    @Test
    void markdown_givesEachCheckAndEachRuleItsResult() {
        List<Rule> rules = List.of(new Rule("R-REQUIRED", "...", "MissingParameter", List.of()), new Rule("R-SIGNATURE", "...", "SignatureDoesNotMatch", List.of()),
                new Rule("R-BOOLEAN", "...", "InvalidParameter", List.of()));
        String md = Reports.markdown(RUN, RESULTS, rules);
        assertTrue(md.contains("**3 checks, 1 passed, 1 failed, 1 skipped**"), md);
        assertTrue(md.contains("| ModifyDtsJobEndpointDocumentedSample |  | v3 | 200 | passed |"), md);
        assertTrue(md.contains("| ModifyDtsJobEndpointMissingEndpoint | R-REQUIRED | v3 | 404 | **failed**: ModifyDtsJobEndpointMissingEndpoint: status 404, documented 400 |"), md);
        assertTrue(md.contains("| R-REQUIRED | MissingParameter | **failed**: ModifyDtsJobEndpointMissingEndpoint | ModifyDtsJobEndpointMissingEndpoint |"), md);
        assertTrue(md.contains("| R-SIGNATURE | SignatureDoesNotMatch | skipped: not selected (--examples) | probe-nonce-replay |"), md);
        assertTrue(md.contains("| R-BOOLEAN | InvalidParameter | skipped: no request example of the spec breaks it |  |"), md);
        assertTrue(md.contains("### ModifyDtsJobEndpointMissingEndpoint (R-REQUIRED)"), md);
    }

    @Test
    void aRuleWithoutErrorCode_passesByTheAcceptedAnswersThatShowIt_andEachCheckIsFiledUnderItsOperation() throws Exception {
        String read = Plan.sampleOf(Plan.READ);
        List<Rule> rules = List.of(new Rule("R-READ-SECRETS", "...", "", List.of()), new Rule("R-NOT-SHOWN", "...", "", List.of()));
        List<Result> passed = List.of(Result.of(named(read), 200, List.of(), 3), Result.of(named(Plan.SAMPLE), 200, List.of(), 3));
        String md = Reports.markdown(RUN, passed, rules);
        assertTrue(md.startsWith("# Contract verification of ModifyDtsJobEndpoint, DescribeDtsJobDetail at http://127.0.0.1:8080"), md);
        assertTrue(md.contains("| R-READ-SECRETS |  | passed (the accepted answers that show it) | " + read + " |"), md);
        assertTrue(md.contains("| R-NOT-SHOWN |  | skipped: a rule on what a request changes, which no answer shows |  |"), md);
        List<Result> failed = List.of(Result.of(named(read), 200, List.of("a password in the answer"), 3));
        assertTrue(Reports.markdown(RUN, failed, rules).contains("| R-READ-SECRETS |  | skipped: a rule on what a request changes"),
                "a failed answer shows nothing passed");
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Reports.junit(RUN, passed).getBytes(StandardCharsets.UTF_8)));
        assertEquals("DescribeDtsJobDetail.success", ((Element) d.getElementsByTagName("testcase").item(0)).getAttribute("classname"));
    }

    @Test
    void theSpecsRules_areRead() {
        List<Rule> rules = SpecExamples.load().rules();
        assertEquals("R-ACTION", rules.get(0).id());
        assertEquals("InvalidAction.NotFound", rules.get(0).errorCode());
        assertTrue(rules.stream().anyMatch(r -> r.id().equals("R-SIGNATURE")));
    }
}
