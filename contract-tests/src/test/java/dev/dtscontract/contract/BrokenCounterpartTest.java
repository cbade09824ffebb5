package dev.dtscontract.contract;

import dev.dtscontract.verifier.Exchange;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks bite: deliberately wrong counterparts, served by WireMock, must fail the same provider and
 * consumer checks that the real server and client pass. Each case prints the failure it produced.
 */
class BrokenCounterpartTest {

    private static final SpecExamples SPEC = SpecExamples.load();
    private static final String SAMPLE = ProviderContractTest.SAMPLE;

    @RegisterExtension
    static WireMockExtension double_ = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** A double of the server that answers every request with this body. */
    private Exchange askDouble(String name, int status, String contentType, String body) {
        double_.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
        RequestExample sample = SPEC.request(SAMPLE);
        return Emulator.send(URI.create(double_.baseUrl()), name, "GET", sample.query(), "");
    }

    private static void assertCaught(String caseName, List<String> problems) {
        assertFalse(problems.isEmpty(), caseName + " was not caught");
        Ledger.BROKEN_CAUGHT.add(caseName);
        System.out.println("Caught " + caseName + ":\n  " + String.join("\n  ", problems));
    }

    private static String withRealRequestId(String body) {
        return body.replace("3FA98DF2-2F81-51FF-8A38-AA5112DD****", "3FA98DF2-2F81-51FF-8A38-AA5112DD0000");
    }

    @Test
    void doubleFaithfulToTheExample_passes() {
        ResponseExample ok = SPEC.response(SAMPLE, "application/json");
        Exchange e = askDouble("faithful double", 200, "application/json", withRealRequestId(ok.body()));
        assertTrue(ProviderContractTest.verify(ok, e).isEmpty(), () -> ProviderContractTest.verify(ok, e).toString());
    }

    @Test
    void renamedResponseField_isCaught() {
        ResponseExample ok = SPEC.response(SAMPLE, "application/json");
        Exchange e = askDouble("renamed field", 200, "application/json", withRealRequestId(ok.body()).replace("\"Success\"", "\"Succeeded\""));
        assertCaught("renamed response field (Success -> Succeeded)", ProviderContractTest.verify(ok, e));
    }

    @Test
    void droppedSuccess_isCaught() {
        ResponseExample ok = SPEC.response(SAMPLE, "application/json");
        Exchange e = askDouble("dropped Success", 200, "application/json", withRealRequestId(ok.body()).replace(",\"Success\":true", ""));
        assertCaught("dropped Success", ProviderContractTest.verify(ok, e));
    }

    @Test
    void wrongStatus_isCaught() {
        ResponseExample missing = SPEC.response("ModifyDtsJobEndpointMissingEndpoint", "application/json");
        Exchange e = askDouble("wrong status", 200, "application/json",
                missing.body().replace("0D0E9C70-5B3A-4C4E-9A34-8D1B7C6B2A0D", "0D0E9C70-5B3A-4C4E-9A34-8D1B7C6B2A0D"));
        assertCaught("error body with status 200", ProviderContractTest.verify(missing, e));
    }

    @Test
    void wrongXmlRoot_isCaught() {
        ResponseExample xml = SPEC.response(SAMPLE, "application/xml");
        Exchange e = askDouble("wrong XML root", 200, "application/xml",
                withRealRequestId(xml.body()).replace("ModifyDtsJobEndpointResponse>", "Response>"));
        assertCaught("wrong XML root (<Response>)", ProviderContractTest.verify(xml, e));
    }

    @Test
    void successCarryingCode_isCaught() {
        ResponseExample ok = SPEC.response(SAMPLE, "application/json");
        Exchange e = askDouble("success with Code", 200, "application/json",
                withRealRequestId(ok.body()).replace("{", "{\"Code\":\"OK\","));
        assertCaught("success body with a top-level Code", ProviderContractTest.verify(ok, e));
    }

    @Test
    void misspeltRequestParameter_isCaught() {
        RequestExample sample = SPEC.request(SAMPLE);
        ResponseExample ok = SPEC.response(SAMPLE, "application/json");
        double_.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(withRealRequestId(ok.body()))));
        Exchange e = Emulator.send(URI.create(double_.baseUrl()), "misspelt parameter", "GET",
                sample.query().replace("DtsInstanceId=", "DtsInstanceID="), "");
        List<String> problems = ConsumerContractTest.checkSentRequest(sample, e);
        assertCaught("client request with a misspelt parameter (DtsInstanceID)", problems);
    }
}
