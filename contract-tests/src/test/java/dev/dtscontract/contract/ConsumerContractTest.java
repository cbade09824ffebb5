package dev.dtscontract.contract;

import dev.dtscontract.verifier.Exchange;
import dev.dtscontract.verifier.ContractValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.RetryPolicy;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.model.DescribeDtsJobDetailResponse;
import dev.dtscontract.client.model.ModelFormat;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.client.model.ModifyDtsJobEndpointResponse;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The generated client against every documented response example that applies to clients: WireMock serves
 * the example, the client must return or throw exactly its values, and the request it sent must validate
 * against the spec and carry the request example's parameters under their exact names.
 */
class ConsumerContractTest {

    private static final SpecExamples SPEC = SpecExamples.load();

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true).build();

    static Stream<ResponseExample> clientResponseExamples() {
        return SPEC.responses().stream().filter(r -> r.appliesTo("client"));
    }

    /** A request example as the generated request model (its JSON names are the spec's wire names). */
    static ModifyDtsJobEndpointRequest typed(RequestExample example) {
        return new ObjectMapper().convertValue(example.parameters(), ModifyDtsJobEndpointRequest.class);
    }

    /**
     * The consumer check of one sent request: spec-valid, the example's parameters verbatim, signed with signature V3
     * (the client's default): Action and Version in their headers, no RPC common parameter in the query.
     */
    static List<String> checkSentRequest(RequestExample example, Exchange sent) {
        List<String> problems = new ArrayList<>(ContractValidator.checkRequest(sent));
        // A change goes as POST (as Alibaba's SDKs send it, and never resent by the JDK's client on its own), a read as GET.
        String method = example.action().equals("DescribeDtsJobDetail") ? "GET" : "POST";
        if (!sent.method().equals(method) || !sent.path().equals("/")) {
            problems.add(sent.name() + ": sent " + sent.method() + " " + sent.path() + ", expected " + method + " /");
        }
        Map<String, String> headers = sent.requestHeaders();
        example.parameters().forEach((name, value) -> {
            List<String> values = name.equals("Action") ? (headers.containsKey("x-acs-action") ? List.of(headers.get("x-acs-action")) : null)
                    : sent.query().get(name);
            if (values == null || !values.equals(List.of(value))) {
                problems.add(sent.name() + ": parameter " + name + " sent as " + values + ", the example says " + value);
            }
        });
        for (String rpcOnly : List.of("Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce",
                "Timestamp", "Signature", "SecurityToken")) {
            if (sent.query().containsKey(rpcOnly)) {
                problems.add(sent.name() + ": " + rpcOnly + " in the query of a V3 request");
            }
        }
        Map<String, String> forms = Map.of(
                "authorization", "ACS3-HMAC-SHA256 Credential=[^,]+,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;"
                        + "x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}",
                "x-acs-action", example.action(), "x-acs-version", "2020-01-01",
                "x-acs-date", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z", "x-acs-signature-nonce", "[0-9a-f]{32}",
                "x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        forms.forEach((name, form) -> {
            String value = headers.get(name);
            if (value == null || !value.matches(form)) {
                problems.add(sent.name() + ": header " + name + " is " + value + ", expected " + form);
            }
        });
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientResponseExamples")
    void responseExample_isWhatTheClientReturnsOrThrows(ResponseExample example) {
        wm.stubFor(any(urlPathEqualTo("/")).willReturn(aResponse().withStatus(example.status())
                .withHeader("Content-Type", example.mediaType()).withBody(example.body())));
        boolean describe = example.action().equals("DescribeDtsJobDetail");
        RequestExample request = SPEC.request(describe ? DESCRIBE_SAMPLE : ProviderContractTest.SAMPLE);
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl())
                .credentials(Credentials.of("LTAI5tContractTest", "contract-test-secret"))
                .retryPolicy(RetryPolicy.none())
                .format(example.isXml() ? ModelFormat.XML : ModelFormat.JSON)
                .build()) {
            if (describe) {
                describeAnswers(example, client, request);
            } else if (example.status() == 200 && !"false".equals(example.field("Success"))) {
                ModifyDtsJobEndpointResponse response = client.modifyDtsJobEndpoint(typed(request));
                assertAll(
                        () -> assertEquals(value(example, "HttpStatusCode"), response.getHttpStatusCode()),
                        () -> assertEquals(value(example, "RequestId"), response.getRequestId()),
                        () -> assertEquals(Boolean.valueOf(value(example, "Success")), response.getSuccess()));
            } else {
                DtsClientException e = assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(typed(request)));
                assertAll(
                        () -> assertEquals(example.status(), e.status()),
                        () -> assertEquals(first(example, "Code", "ErrCode"), e.code()),
                        () -> assertEquals(first(example, "Message", "ErrMessage"), e.errorMessage()),
                        () -> assertEquals(value(example, "RequestId"), e.requestId()));
            }
        }
        ServeEvent event = wm.getAllServeEvents().get(0);
        Exchange sent = Recorded.exchange(example.id(), event);
        assertEquals(List.of(), checkSentRequest(request, sent));
        Ledger.exchange(example.id());
        example.rule().ifPresent(Ledger.RULES::add);
    }

    /** DescribeDtsJobDetail's answer through the client: the documented job field by field, or the documented error. */
    private static void describeAnswers(ResponseExample example, DtsClient client, RequestExample request) {
        DescribeDtsJobDetailRequest typed = new ObjectMapper().convertValue(request.parameters(), DescribeDtsJobDetailRequest.class);
        if (example.status() == 200) {
            DescribeDtsJobDetailResponse r = client.describeDtsJobDetail(typed);
            assertAll(
                    () -> assertEquals(value(example, "RequestId"), r.getRequestId()),
                    () -> assertEquals(value(example, "DtsJobId"), r.getDtsJobId()),
                    () -> assertEquals(value(example, "DtsInstanceID"), r.getDtsInstanceID()),
                    () -> assertEquals(value(example, "Status"), r.getStatus()),
                    () -> assertEquals(value(example, "Checkpoint"), String.valueOf(r.getCheckpoint())),
                    () -> assertEquals(value(example, "Delay"), String.valueOf(r.getDelay())),
                    () -> assertEquals(value(example, "SynchronizationDirection"), r.getSynchronizationDirection()),
                    () -> assertEquals(nested(example, "SourceEndpoint", "InstanceID"), r.getSourceEndpoint().getInstanceID()),
                    () -> assertEquals(nested(example, "DestinationEndpoint", "UserName"), r.getDestinationEndpoint().getUserName()));
        } else {
            DtsClientException e = assertThrows(DtsClientException.class, () -> client.describeDtsJobDetail(typed));
            assertAll(
                    () -> assertEquals(example.status(), e.status()),
                    () -> assertEquals(first(example, "Code", "ErrCode"), e.code()),
                    () -> assertEquals(first(example, "Message", "ErrMessage"), e.errorMessage()),
                    () -> assertEquals(value(example, "RequestId"), e.requestId()));
        }
    }

    static final String DESCRIBE_SAMPLE = "DescribeDtsJobDetailDocumentedSample";

    /** A field of an object of a JSON or XML example (e.g. SourceEndpoint's InstanceID). */
    private static String nested(ResponseExample example, String object, String name) {
        if (!example.isXml()) {
            return example.json().path(object).path(name).asText(null);
        }
        String body = example.body();
        int start = body.indexOf("<" + object + ">");
        String inner = body.substring(start, body.indexOf("</" + object + ">", start));
        String open = "<" + name + ">";
        int at = inner.indexOf(open);
        return at < 0 ? null : inner.substring(at + open.length(), inner.indexOf("</" + name + ">", at));
    }

    private static String first(ResponseExample example, String name, String fallback) {
        String v = value(example, name);
        return v != null ? v : value(example, fallback);
    }

    /** A top-level value of a JSON or XML example. */
    private static String value(ResponseExample example, String name) {
        if (!example.isXml()) {
            return example.field(name);
        }
        String open = "<" + name + ">";
        int start = example.body().indexOf(open);
        return start < 0 ? null : example.body().substring(start + open.length(), example.body().indexOf("</" + name + ">", start));
    }
}
