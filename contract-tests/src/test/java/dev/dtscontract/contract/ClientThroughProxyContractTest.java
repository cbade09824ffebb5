package dev.dtscontract.contract;

import dev.dtscontract.verifier.Exchange;
import dev.dtscontract.verifier.Plan;
import dev.dtscontract.verifier.ContractValidator;
import dev.dtscontract.verifier.Comparisons;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.RetryPolicy;
import dev.dtscontract.client.model.ModelFormat;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both sides at once: the generated client talks to the real emulator through WireMock acting as a proxy,
 * and every exchange passing through is validated against the spec, request and response.
 */
class ClientThroughProxyContractTest {

    private static final SpecExamples SPEC = SpecExamples.load();

    /** Request examples the typed client cannot send, by id, with the reason. */
    static final Map<String, String> NOT_SENDABLE_BY_THE_CLIENT = Map.of(
            "ModifyDtsJobEndpointInvalidEndpointInstanceType", "the typed client cannot send a value outside the EndpointInstanceType enum",
            "ModifyDtsJobEndpointInvalidActionNotFound", "the client always sends Action=ModifyDtsJobEndpoint",
            "ModifyDtsJobEndpointInvalidTimeStampFormat", "the client's signing filter sets Timestamp itself",
            "ModifyDtsJobEndpointMissingEndpoint", "the client refuses a request without Endpoint before sending it",
            "ModifyDtsJobEndpointInvalidTimeStampExpired", "the client's signing filter sets Timestamp itself",
            "ModifyDtsJobEndpointMissingJobId", "the client refuses a request without DtsJobId and DtsInstanceId before sending it",
            "DescribeDtsJobDetailMissingDtsJobId", "the client refuses a read without DtsJobId before sending it",
            "DescribeDtsJobDetailTwoWayReverse", "the typed client sends the SynchronizationDirection enum as the spec spells it, not in lower case",
            "DescribeDtsJobDetailInvalidBoolean", "the typed client cannot send a SyncSubJobHistory that is not a boolean");

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    @RegisterExtension
    // Signature V3 signs the Host header: the proxy passes the client's on, as a transparent proxy would.
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().preserveHostHeader(true)).build();


    /**
     * The examples the verifier sends (dry runs and reads sent as plain requests of their parameters; not those sent
     * another way, which ProviderContractTest sends, nor a change applied for real, which EffectsContractTest reads back)
     * that the typed client can send.
     */
    static Stream<RequestExample> sendableExamples() {
        return SPEC.requests().stream().filter(r -> Plan.checks(r) && !NOT_SENDABLE_BY_THE_CLIENT.containsKey(r.id()));
    }

    private DtsClient client(ModelFormat format) {
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(emulator.url().toString())));
        return DtsClient.builder().endpoint(proxy.baseUrl()).credentials(DemoCredentials.DEMO)
                .retryPolicy(RetryPolicy.none()).format(format).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sendableExamples")
    void exampleSentByTheClient_passesThroughSpecValidInBothDirections(RequestExample request) {
        for (ModelFormat format : ModelFormat.values()) {
            proxy.resetAll();
            String mediaType = format == ModelFormat.XML ? "application/xml" : "application/json";
            ResponseExample documented = SPEC.findResponse(request.id(), mediaType).orElse(null);
            try (DtsClient client = client(format)) {
                Supplier<Boolean> call = request.action().equals("DescribeDtsJobDetail")
                        ? () -> client.describeDtsJobDetail(new ObjectMapper().convertValue(request.parameters(), DescribeDtsJobDetailRequest.class)).getSuccess()
                        : () -> client.modifyDtsJobEndpoint(ConsumerContractTest.typed(request)).getSuccess();
                if (SPEC.response(request.id(), "application/json").field("Code") == null) {
                    assertEquals(true, call.get());
                } else {
                    DtsClientException e = assertThrows(DtsClientException.class, call::get);
                    assertEquals(SPEC.response(request.id(), "application/json").field("Code"), e.code(), e.getMessage());
                }
            }
            List<ServeEvent> events = proxy.getAllServeEvents();
            assertEquals(1, events.size());
            Exchange exchange = Recorded.exchange(request.id() + " via proxy (" + format + ")", events.get(0));
            List<String> problems = new ArrayList<>(ContractValidator.checkBoth(exchange));
            if (documented != null) {
                problems.addAll(Comparisons.against(documented, exchange));
                documented.rule().ifPresent(Ledger.RULES::add);
            }
            Ledger.exchange(request.id());
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void skips_nameExistingExamples() {
        NOT_SENDABLE_BY_THE_CLIENT.keySet().forEach(id -> assertTrue(SPEC.requests().stream().anyMatch(r -> r.id().equals(id)), id));
    }
}
