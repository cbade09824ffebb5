package dev.dtscontract.verifier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.dtscontract.server.EmbeddedEmulator;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dts-verifier.jar run as a user runs it, a process with the demo credentials in the environment: against the emulator
 * (every check passes, with either signature), against a stateless WireMock double built from the spec's own examples (it
 * answers every example and fails the rules only state and a signature check can honour), against doubles broken in the
 * ways a hand-written double breaks, and with inputs it must refuse in one line.
 */
class VerifierCommandIT {

    private static final SpecExamples SPEC = SpecExamples.load();
    private static final String JAR = System.getProperty("verifier.jar", "target/dts-verifier.jar");
    private static final String VALID_REQUEST_ID = "3FA98DF2-2F81-51FF-8A38-AA5112DD0000";
    private static final Map<String, String> DEMO = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tDemoAccessKey0001",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "DemoSecretForLocalUseOnly0001");

    private static EmbeddedEmulator emulator;
    private static WireMockServer double_;

    /** Each test's reports stay in target/verifier-it/<test>, for a reviewer to read. */
    private Path reports;

    @BeforeEach
    void reportDir(TestInfo test) throws IOException {
        reports = Path.of("target", "verifier-it", test.getTestMethod().orElseThrow().getName());
        if (Files.exists(reports)) {
            try (var files = Files.list(reports)) {
                for (Path f : files.toList()) Files.delete(f);
            }
        }
    }

    record Run(int exit, String out, String err, Path reports) {
        String summary() throws IOException {
            return Files.readString(reports.resolve(Reports.MARKDOWN_FILE));
        }

        Document junit() throws Exception {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve(Reports.JUNIT_FILE).toFile());
        }

        /** The verdict a check got in the JUnit report: passed, failed (with its type) or skipped. */
        String verdictOf(String check) throws Exception {
            NodeList cases = junit().getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                if (c.getAttribute("name").equals(check)) {
                    if (c.getElementsByTagName("failure").getLength() > 0) {
                        Element f = (Element) c.getElementsByTagName("failure").item(0);
                        return "failed " + f.getAttribute("type") + ": " + f.getTextContent();
                    }
                    return c.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "passed";
                }
            }
            throw new AssertionError("no test case " + check + " in the JUnit report");
        }

        /** The result cell of a rule in the Markdown summary. */
        String ruleResult(String rule) throws IOException {
            return summary().lines().filter(l -> l.startsWith("| " + rule + " |")).findFirst()
                    .map(l -> l.split(" \\| ")[2]).orElseThrow(() -> new AssertionError("no rule " + rule + " in the summary"));
        }
    }

    @BeforeAll
    static void start() {
        emulator = EmbeddedEmulator.start(Map.of());
        double_ = new WireMockServer(wireMockConfig().dynamicPort());
        double_.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
        double_.stop();
    }

    private Run verifier(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR));
        command.addAll(List.of(args));
        if (!List.of(args).contains("--report-dir")) {
            command.addAll(List.of("--report-dir", reports.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("ALIBABA_CLOUD_ACCESS_KEY_ID");
        pb.environment().remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        pb.environment().remove("ALIBABA_CLOUD_SECURITY_TOKEN");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("verifier", ".out");
        Path err = Files.createTempFile("verifier", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the verifier did not finish in 120 s");
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err), reports);
        System.out.println("dts-verifier " + String.join(" ", args) + " -> " + run.exit() + "\n" + run.err());
        return run;
    }

    private static List<String> serverExampleChecks() {
        List<String> names = new ArrayList<>();
        for (RequestExample r : SPEC.requests()) {
            if (Plan.checks(r)) {
                names.add(r.id());
                SPEC.findResponse(r.id(), "application/xml").ifPresent(x -> names.add(r.id() + " (XML)"));
            }
        }
        return names;
    }

    @Test
    void againstTheEmulator_everyCheckPasses_withSignatureV3() throws Exception {
        Run run = verifier(DEMO, "verify", "--url", emulator.url().toString());
        assertEquals(Main.PASSED, run.exit(), run.err());
        int checks = Plan.all(SPEC, Check.Signature.V3).size();
        assertTrue(run.summary().contains("**" + checks + " checks, " + checks + " passed, 0 failed, 0 skipped**"), run.summary());
        for (String name : serverExampleChecks()) {
            assertEquals("passed", run.verdictOf(name), name);
        }
        for (String probe : List.of(Plan.PROBE_WRONG_SECRET, Plan.PROBE_REPLAY, Plan.PROBE_UNKNOWN_JOB, Plan.PROBE_READ_UNKNOWN_JOB,
                Plan.PROBE_ENUM_CASE, Plan.sampleOf(Plan.READ) + " (POST, form)", Plan.sampleOf(Plan.READ) + " (POST, query)")) {
            assertEquals("passed", run.verdictOf(probe), probe);
        }
        Element suite = run.junit().getDocumentElement();
        assertEquals(String.valueOf(checks), suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        for (String rule : List.of("R-REQUIRED", "R-ENUM", "R-SIGNATURE", "R-JOB-EXISTS", "R-SHARD-COUNT", "R-CROSS-ACCOUNT",
                "R-BOOLEAN", "R-JOB-ID-MATCH", "R-DIRECTION")) {
            assertEquals("passed", run.ruleResult(rule), rule + " (R-BOOLEAN, R-JOB-ID-MATCH: by the reads' examples)");
        }
        assertEquals("passed (the accepted answers that show it)", run.ruleResult("R-READ-SECRETS"));
        assertEquals("skipped: no request example of the spec breaks it", run.ruleResult("R-READ-VISIBLE"),
                "its example reads with another AccessKey (x-send)");
        assertTrue(run.err().contains("[ 1/" + checks + "] ModifyDtsJobEndpointDocumentedSample"), "progress lines: " + run.err());
    }

    @Test
    void againstTheEmulator_everyCheckPasses_withTheRpcSignature() throws Exception {
        Run run = verifier(DEMO, "--url", emulator.url().toString(), "--signature", "v2", "--dry-run-only");
        assertEquals(Main.PASSED, run.exit(), run.err());
        assertTrue(run.summary().contains("Signature v2"), run.summary());
        assertTrue(run.summary().contains(" 0 failed"), run.summary());
    }

    /** WireMock answering each request example of the spec with its documented response, matched by its parameters. */
    private static void stubTheSpecsExamples() {
        double_.resetAll();
        for (RequestExample request : SPEC.requests()) {
            if (!Plan.checks(request)) continue;
            stub(request, SPEC.response(request.id(), "application/json"), false);
            SPEC.findResponse(request.id(), "application/xml").ifPresent(xml -> stub(request, xml, true));
        }
    }

    /** Where a double looks for the parameters: as the RPC signature sends them, or V3 (Action in x-acs-action). */
    private enum Shape { RPC_QUERY, RPC_FORM, V3_QUERY, V3_FORM }

    private static void stub(RequestExample request, ResponseExample response, boolean xml) {
        for (Shape shape : Shape.values()) {
            boolean form = shape == Shape.RPC_FORM || shape == Shape.V3_FORM;
            boolean v3 = shape == Shape.V3_QUERY || shape == Shape.V3_FORM;
            MappingBuilder m = WireMock.any(urlPathEqualTo("/")).atPriority(100 - request.parameters().size());
            for (Map.Entry<String, String> p : request.parameters().entrySet()) {
                if (v3 && p.getKey().equals("Action")) {
                    m = m.withHeader("x-acs-action", equalTo(p.getValue()));
                } else {
                    m = form ? m.withFormParam(p.getKey(), equalTo(p.getValue())) : m.withQueryParam(p.getKey(), equalTo(p.getValue()));
                }
            }
            m = xml ? m.withQueryParam("Format", equalTo("XML")) : m.withQueryParam("Format", absent());
            double_.stubFor(m.willReturn(answer(response.status(), response.mediaType(), response.body().replace(
                    "3FA98DF2-2F81-51FF-8A38-AA5112DD****", VALID_REQUEST_ID))));
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer(int status, String type, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", type + ";charset=UTF-8").withBody(body);
    }

    @Test
    void againstAStatelessDoubleOfTheExamples_theExamplesPass_andTheRulesOnlyStateCanHonourFail() throws Exception {
        stubTheSpecsExamples();
        Run run = verifier(DEMO, "--url", double_.baseUrl());
        assertEquals(Main.FAILED, run.exit(), run.err());
        for (String name : serverExampleChecks()) {
            assertEquals("passed", run.verdictOf(name), name);
        }
        assertTrue(run.verdictOf(Plan.PROBE_WRONG_SECRET).startsWith("failed R-SIGNATURE: probe-wrong-secret: status 200, documented 400"),
                run.verdictOf(Plan.PROBE_WRONG_SECRET));
        assertTrue(run.verdictOf(Plan.PROBE_REPLAY).startsWith("failed R-SIGNATURE: probe-nonce-replay: status 200, documented 400"),
                run.verdictOf(Plan.PROBE_REPLAY));
        assertTrue(run.verdictOf(Plan.PROBE_UNKNOWN_JOB).startsWith("failed R-JOB-EXISTS"), run.verdictOf(Plan.PROBE_UNKNOWN_JOB));
        assertTrue(run.verdictOf(Plan.PROBE_ENUM_CASE).startsWith("failed R-ENUM"), run.verdictOf(Plan.PROBE_ENUM_CASE));
        assertEquals("**failed**: probe-wrong-secret, probe-nonce-replay", run.ruleResult("R-SIGNATURE"));
        assertTrue(run.verdictOf(Plan.PROBE_READ_UNKNOWN_JOB).startsWith("failed R-JOB-EXISTS"), run.verdictOf(Plan.PROBE_READ_UNKNOWN_JOB));
        assertEquals("**failed**: probe-unknown-job, probe-read-unknown-job", run.ruleResult("R-JOB-EXISTS"));
        assertEquals("**failed**: probe-enum-case", run.ruleResult("R-ENUM"));
        for (String honoured : List.of("R-REQUIRED", "R-ACTION", "R-DIRECTION", "R-ENDPOINT-IDENTITY", "R-SHARD-COUNT")) {
            assertEquals("passed", run.ruleResult(honoured), honoured);
        }
    }

    @Test
    void againstBrokenDoubles_eachBreakIsReportedWithWhatItBroke() throws Exception {
        stubTheSpecsExamples();
        String sample = Plan.SAMPLE;
        String ok = SPEC.response(sample, "application/json").body().replace("3FA98DF2-2F81-51FF-8A38-AA5112DD****", VALID_REQUEST_ID);
        Map<String, String> sampleQuery = new LinkedHashMap<>(SPEC.request(sample).parameters());
        // 1. a renamed field (GET), 2. a success carrying Code (POST with the query), 3. a wrong root of the XML answer,
        // 4. a wrong status for a missing parameter, 5. below.
        double_.stubFor(matching(WireMock.get(urlPathEqualTo("/")), sampleQuery).withQueryParam("Format", absent())
                .willReturn(answer(200, "application/json", ok.replace("\"Success\"", "\"Succeeded\""))));
        double_.stubFor(matching(WireMock.post(urlPathEqualTo("/")), sampleQuery).withQueryParam("Format", absent())
                .willReturn(answer(200, "application/json", ok.replace("{", "{\"Code\":\"200\","))));
        String xml = SPEC.response(sample, "application/xml").body().replace("3FA98DF2-2F81-51FF-8A38-AA5112DD****", VALID_REQUEST_ID);
        double_.stubFor(matching(WireMock.get(urlPathEqualTo("/")), sampleQuery).withQueryParam("Format", equalTo("XML"))
                .willReturn(answer(200, "application/xml", xml.replace("ModifyDtsJobEndpointResponse>", "Response>"))));
        String missing = "ModifyDtsJobEndpointMissingEndpoint";
        ResponseExample missingAnswer = SPEC.response(missing, "application/json");
        double_.stubFor(matching(WireMock.get(urlPathEqualTo("/")), SPEC.request(missing).parameters()).withQueryParam("Endpoint", absent())
                .withQueryParam("Format", absent()).willReturn(answer(404, "application/json", missingAnswer.body())));

        // 5. a dropped connection for one request: that check fails, the others go on.
        String badType = "ModifyDtsJobEndpointInvalidEndpointInstanceType";
        double_.stubFor(matching(WireMock.get(urlPathEqualTo("/")), SPEC.request(badType).parameters())
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        Run run = verifier(DEMO, "--url", double_.baseUrl(), "--examples", sample + "," + missing, badType);
        assertEquals(Main.FAILED, run.exit(), run.err());
        assertTrue(run.verdictOf(sample).contains("Succeeded"), run.verdictOf(sample));
        assertTrue(run.verdictOf(sample).contains("[validation.response.body.schema"), run.verdictOf(sample));
        assertTrue(run.verdictOf(sample + " (POST, query)").contains("Code"), run.verdictOf(sample + " (POST, query)"));
        assertTrue(run.verdictOf(sample + " (POST, query)").contains("[validation.response.body.schema.additionalProperties]"),
                run.verdictOf(sample + " (POST, query)"));
        assertTrue(run.verdictOf(sample + " (XML)").contains("[xml.root] root <Response> is not <ModifyDtsJobEndpointResponse>"),
                run.verdictOf(sample + " (XML)"));
        assertTrue(run.verdictOf(missing).startsWith("failed R-REQUIRED: " + missing + ": status 404, documented 400"), run.verdictOf(missing));
        assertEquals("passed", run.verdictOf(sample + " (POST, form)"));
        assertTrue(run.verdictOf(badType).startsWith("failed R-ENUM: " + badType + ": no answer: cannot reach " + double_.baseUrl()),
                run.verdictOf(badType));
        assertEquals("skipped", run.verdictOf(Plan.PROBE_REPLAY));
        String summary = run.summary();
        assertTrue(summary.contains("| R-REQUIRED | MissingParameter | **failed**: " + missing), summary);
        assertTrue(summary.contains("### " + sample + " (XML)"), summary);
    }

    /** Matches the parameters in the query, Action wherever the signature puts it. */
    private static MappingBuilder matching(MappingBuilder m, Map<String, String> parameters) {
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (!p.getKey().equals("Action")) {
                m = m.withQueryParam(p.getKey(), equalTo(p.getValue()));
            }
        }
        return m.atPriority(1);
    }

    @Test
    void anUnreachableUrl_isOneLineAndExitStatus2() throws Exception {
        Run run = verifier(DEMO, "--url", "http://127.0.0.1:1");
        assertEquals(Main.CANNOT_VERIFY, run.exit());
        assertTrue(run.err().contains("dts-verifier: cannot reach http://127.0.0.1:1: connection refused"), run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void aServerThatIsNotThisApi_isOneLineAndExitStatus2() throws Exception {
        double_.resetAll();
        double_.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(answer(200, "text/html", "<html><body>Welcome to nginx!</body></html>")));
        Run run = verifier(DEMO, "--url", double_.baseUrl());
        assertEquals(Main.CANNOT_VERIFY, run.exit());
        assertTrue(run.err().contains("does not answer like ModifyDtsJobEndpoint: HTTP 200 text/html;charset=UTF-8, no RequestId"), run.err());
    }

    @Test
    void credentialsTheProviderRefuses_areOneLineAndExitStatus2_withoutTheSecret() throws Exception {
        Run run = verifier(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tDemoAccessKey0001",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "NotTheDemoSecret0000000001"), "--url", emulator.url().toString());
        assertEquals(Main.CANNOT_VERIFY, run.exit());
        assertTrue(run.err().contains("refused the credentials of AccessKey LTAI5tDemoAccessKey0001: SignatureDoesNotMatch"), run.err());
        assertTrue(!run.err().contains("NotTheDemoSecret"), run.err());
        Run unknown = verifier(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tNoSuchKey00000001",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "x"), "--url", emulator.url().toString());
        assertTrue(unknown.err().contains(": InvalidAccessKeyId.NotFound"), unknown.err());
    }

    @Test
    void aUrlThatIsNotLoopback_isRefusedWithoutDryRunOnly_beforeAnythingIsSent() throws Exception {
        Run run = verifier(DEMO, "--url", "http://192.0.2.10:8080");
        assertEquals(Main.CANNOT_VERIFY, run.exit());
        assertTrue(run.err().contains("refusing to run every example against http://192.0.2.10:8080, which is not loopback"), run.err());
        assertTrue(run.err().contains("--dry-run-only"), run.err());
        assertTrue(!Files.exists(reports.resolve(Reports.JUNIT_FILE)));
    }

    @Test
    void badOptions_printUsageAndExitStatus2() throws Exception {
        Run noUrl = verifier(DEMO);
        assertEquals(Main.CANNOT_VERIFY, noUrl.exit());
        assertTrue(noUrl.err().startsWith("dts-verifier: --url is required"), noUrl.err());
        Run noKey = verifier(Map.of(), "--url", emulator.url().toString());
        assertTrue(noKey.err().startsWith("dts-verifier: no AccessKey: give --access-key-id or set ALIBABA_CLOUD_ACCESS_KEY_ID"), noKey.err());
        Run unknownExample = verifier(DEMO, "--url", emulator.url().toString(), "--examples", "NoSuchExample");
        assertEquals(Main.CANNOT_VERIFY, unknownExample.exit());
        assertTrue(unknownExample.err().contains("no check [NoSuchExample]"), unknownExample.err());
        Path notADirectory = Files.createTempFile("not-a-directory", ".txt");
        Run unwritable = verifier(DEMO, "--url", emulator.url().toString(), "--examples", Plan.SAMPLE, "--report-dir",
                notADirectory.resolve("reports").toString());
        assertEquals(Main.CANNOT_VERIFY, unwritable.exit());
        assertTrue(unwritable.err().contains("dts-verifier: cannot write the reports to " + notADirectory.resolve("reports")), unwritable.err());
        assertTrue(!unwritable.err().contains("\tat "), unwritable.err());
        Run list = verifier(Map.of(), "--list");
        assertEquals(Main.PASSED, list.exit());
        assertTrue(list.out().lines().anyMatch(l -> l.matches("probe-nonce-replay +R-SIGNATURE +safe")), list.out());
        assertEquals(Plan.all(SPEC, Check.Signature.V3).size(), list.out().lines().count());
        Run help = verifier(Map.of(), "--help");
        assertEquals(Main.PASSED, help.exit());
        assertTrue(help.out().contains("--dry-run-only"), help.out());
    }
}
