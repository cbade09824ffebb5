package dev.dtscontract.verifier;

import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import dev.dtscontract.verifier.Check.Alteration;
import dev.dtscontract.verifier.Check.Signature;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanTest {

    private static final SpecExamples SPEC = SpecExamples.load();
    private static final List<Check> V3 = Plan.all(SPEC, Signature.V3);

    private static Check named(String name) {
        return V3.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no check " + name));
    }

    @Test
    void everyRequestExampleForAServerThatChangesNothing_sentAsAPlainGet_isACheck_withItsParametersAndDocumentedAnswer() {
        int checked = 0;
        for (RequestExample r : SPEC.requests()) {
            if (!r.appliesTo("server")) {
                assertTrue(V3.stream().noneMatch(c -> c.id().equals(r.id())), r.id() + " applies to clients only");
                continue;
            }
            if (!Plan.checks(r)) {
                assertTrue(V3.stream().noneMatch(c -> c.id().equals(r.id())), r.id() + " needs x-send or applies a change");
                continue;
            }
            checked++;
            Check c = named(r.id());
            assertEquals(r.parameters(), c.parameters());
            assertEquals("GET", c.method());
            assertEquals(SPEC.response(r.id(), "application/json"), c.expected());
            assertEquals(c.expected().rule().orElse(null), c.rule());
            SPEC.findResponse(r.id(), "application/xml").ifPresent(xml -> {
                Check x = named(r.id() + " (XML)");
                assertEquals("XML", x.parameters().get("Format"));
                assertEquals(xml, x.expected());
            });
        }
        assertTrue(checked >= 30, "checked " + checked);
        assertEquals(java.util.Set.of("DescribeDtsJobDetailDocumentedSample", "DescribeDtsJobDetailTwoWayReverse",
                        "DescribeDtsJobDetailMissingDtsJobId", "DescribeDtsJobDetailNotFound", "DescribeDtsJobDetailOtherRegion",
                        "DescribeDtsJobDetailJobIdMismatch", "DescribeDtsJobDetailReverseOneWay", "DescribeDtsJobDetailInvalidBoolean"),
                V3.stream().map(Check::id).filter(id -> id.startsWith("DescribeDtsJobDetail"))
                        .collect(java.util.stream.Collectors.toSet()),
                "the reads: every one without x-send (PostFormV3 and OtherAccount need a method or AccessKey of their own)");
        assertEquals("XML", named("DescribeDtsJobDetailDocumentedSample (XML)").parameters().get("Format"));
        assertFalse(V3.stream().anyMatch(c -> c.id().equals("ModifyDtsJobEndpointAppliedKeepsAccount")),
                "a change applied for real is never sent");
    }

    @Test
    void anExampleThatSetsAnRpcCommonParameter_isSentWithTheRpcSignature_andSaysWhy() {
        Check c = named("ModifyDtsJobEndpointInvalidTimeStampFormat");
        assertEquals(Signature.V2, c.signature());
        assertEquals("the example sets a common parameter of the RPC signature", c.why());
        assertEquals(Signature.V3, named(Plan.SAMPLE).signature());
        assertNull(Plan.all(SPEC, Signature.V2).stream().filter(x -> x.name().equals(c.name())).findFirst().orElseThrow().why());
    }

    @Test
    void eachOperationsSample_isAlsoSentAsAPostWithTheQueryAndWithAForm() {
        for (String sample : List.of(Plan.SAMPLE, Plan.sampleOf(Plan.READ))) {
            Check query = named(sample + " (POST, query)");
            Check form = named(sample + " (POST, form)");
            assertFalse(query.inForm());
            assertTrue(form.inForm());
            assertEquals("POST", query.method());
            assertEquals("POST", form.method());
            assertEquals(SPEC.request(sample).parameters(), form.parameters());
            assertEquals(SPEC.response(sample, "application/json"), form.expected());
        }
        assertEquals("DescribeDtsJobDetail", named(Plan.sampleOf(Plan.READ) + " (POST, form)").parameters().get("Action"));
    }

    @Test
    void probes_alterTheSampleAndExpectTheirRulesAnswer() {
        Check wrong = named(Plan.PROBE_WRONG_SECRET);
        assertEquals(Alteration.WRONG_SECRET, wrong.alteration());
        assertEquals("SignatureDoesNotMatch", wrong.expected().field("Code"));
        assertTrue(wrong.byCode());
        Check replay = named(Plan.PROBE_REPLAY);
        assertEquals(Alteration.REPLAY, replay.alteration());
        assertEquals("SignatureNonceUsed", replay.expected().field("Code"));
        Check unknown = named(Plan.PROBE_UNKNOWN_JOB);
        assertEquals("InvalidDtsJobId.NotFound", unknown.expected().field("Code"));
        assertTrue(unknown.parameters().get("DtsInstanceId").startsWith("dtsverifier"));
        Check read = named(Plan.PROBE_READ_UNKNOWN_JOB);
        assertEquals(SPEC.response("DescribeDtsJobDetailNotFound", "application/json"), read.expected());
        assertEquals("R-JOB-EXISTS", read.rule());
        assertEquals("DescribeDtsJobDetail", read.parameters().get("Action"));
        assertTrue(read.parameters().get("DtsJobId").startsWith("verifier"), read.parameters().toString());
        assertFalse(read.parameters().containsKey("DtsInstanceID"), "an instance id of another job would be R-JOB-ID-MATCH");
        Check enumCase = named(Plan.PROBE_ENUM_CASE);
        assertEquals("SRC", enumCase.parameters().get("Endpoint"));
        assertEquals("RDS", enumCase.parameters().get("EndpointInstanceType"));
        assertEquals("forward", enumCase.parameters().get("SynchronizationDirection"));
        assertEquals(SPEC.response(Plan.SAMPLE, "application/json"), enumCase.expected());
    }

    @Test
    void safe_meansADryRunOrADocumentedRefusal() {
        V3.forEach(c -> assertTrue(c.safe(), c.name() + ": every check of today's spec is a dry run or a read"));
        Check sample = named(Plan.SAMPLE);
        Map<String, String> applied = new java.util.HashMap<>(sample.parameters());
        applied.remove("DryRun");
        assertFalse(new Check("x", "x", null, "GET", applied, false, Signature.V3, null, Alteration.NONE, sample.expected(), false).safe());
        Check refused = named("ModifyDtsJobEndpointMissingEndpoint");
        Map<String, String> noDryRun = new java.util.HashMap<>(refused.parameters());
        noDryRun.remove("DryRun");
        assertTrue(new Check("y", "y", null, "GET", noDryRun, false, Signature.V3, null, Alteration.NONE, refused.expected(), false).safe());
        Check describe = named(Plan.sampleOf(Plan.READ));
        assertFalse(describe.parameters().containsKey("DryRun"));
        assertTrue(describe.safe(), "a read changes nothing");
    }
}
