package dev.dtscontract.contract;

import dev.dtscontract.verifier.Exchange;
import dev.dtscontract.verifier.ContractValidator;
import dev.dtscontract.verifier.Comparisons;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The emulator against the spec: every request example that applies to the server is replayed, and its
 * answer must validate against the spec and equal the documented response example of the same id.
 */
class ProviderContractTest {

    private static final SpecExamples SPEC = SpecExamples.load();
    static final String SAMPLE = "ModifyDtsJobEndpointDocumentedSample";

    @RegisterExtension
    static final Emulator emulator = new Emulator();


    static Stream<RequestExample> serverRequestExamples() {
        return SPEC.requests().stream().filter(r -> r.appliesTo("server"));
    }

    /**
     * The provider check: the exchange validates against the spec and matches the documented example (by status,
     * content type and Code only where the example says x-compare: code, for messages that quote the request).
     */
    static List<String> verify(ResponseExample documented, Exchange exchange) {
        List<String> problems = new ArrayList<>(ContractValidator.checkResponse(exchange));
        problems.addAll("code".equals(documented.extensions().get("x-compare"))
                ? Comparisons.byCode(documented, exchange) : Comparisons.against(documented, exchange));
        Ledger.exchange(documented.id());
        documented.rule().ifPresent(Ledger.RULES::add);
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverRequestExamples")
    void requestExample_getsTheDocumentedResponse(RequestExample request) {
        ResponseExample documented = SPEC.response(request.id(), "application/json");
        Exchange exchange = emulator.examples().send(request.id(), request, Map.of());
        assertEquals(List.of(), verify(documented, exchange));
        Ledger.PASSED.add(request.id());
    }

    @ParameterizedTest(name = "{0} (XML)")
    @MethodSource("serverRequestExamples")
    void requestExampleWithFormatXml_getsTheDocumentedXmlResponse(RequestExample request) {
        SPEC.findResponse(request.id(), "application/xml").ifPresent(documented -> {
            Exchange exchange = emulator.examples().send(request.id() + " (XML)", request, Map.of("Format", "XML"));
            assertEquals(List.of(), verify(documented, exchange));
        });
    }

    @Test
    void documentedSample_validatesAsARequestInEveryShape() {
        RequestExample sample = SPEC.request(SAMPLE);
        ResponseExample documented = SPEC.response(SAMPLE, "application/json");
        List<Exchange> shapes = List.of(
                emulator.send(SAMPLE + " GET", "GET", sample.query(), ""),
                emulator.send(SAMPLE + " POST query (Java SDK)", "POST", sample.query(), ""),
                emulator.send(SAMPLE + " POST form (Node SDK)", "POST", "", sample.query()));
        List<String> problems = new ArrayList<>();
        for (Exchange e : shapes) {
            problems.addAll(ContractValidator.checkRequest(e));
            problems.addAll(verify(documented, e));
        }
        assertEquals(List.of(), problems);
    }
}
