package dev.dtscontract.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import dev.dtscontract.signing.AcsSignatureV3;
import dev.dtscontract.signing.RpcSignature;
import dev.dtscontract.client.model.ModelFormat;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.client.model.ModifyDtsJobEndpointResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade against WireMock serving the spec's response examples. */
class DtsClientTest {

    private static final Credentials CREDENTIALS = Credentials.of("LTAI5tTestKey", "test-secret-value");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private DtsClient client;

    @AfterEach
    void close() {
        if (client != null) client.close();
    }

    private DtsClient client(DtsClient.Builder builder) {
        client = builder.endpoint(wm.baseUrl()).credentials(CREDENTIALS).build();
        return client;
    }

    private DtsClient client() {
        return client(DtsClient.builder().retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5))));
    }

    private static final SpecExamples SPEC = SpecExamples.load();

    /** A request example of the spec as the generated request model (its JSON names are the wire names). */
    static ModifyDtsJobEndpointRequest requestExample(String id) {
        return new ObjectMapper().convertValue(SPEC.request(id).parameters(), ModifyDtsJobEndpointRequest.class);
    }

    static ModifyDtsJobEndpointRequest documentedSample() {
        return requestExample("ModifyDtsJobEndpointDocumentedSample");
    }

    private static void serve(ResponseExample example) {
        wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse()
                .withStatus(example.status())
                .withHeader("Content-Type", example.mediaType())
                .withBody(example.body())));
    }

    @Test
    void successJson_returnsTheExamplesValues() {
        ResponseExample example = SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json");
        serve(example);
        ModifyDtsJobEndpointResponse response = client().modifyDtsJobEndpoint(documentedSample());
        assertAll(
                () -> assertEquals(example.field("HttpStatusCode"), response.getHttpStatusCode()),
                () -> assertEquals(example.field("RequestId"), response.getRequestId()),
                () -> assertEquals(true, response.getSuccess()));
    }

    @Test
    void successXml_isParsedIntoTheSameModel() {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/xml"));
        ModifyDtsJobEndpointResponse response = client(DtsClient.builder().format(ModelFormat.XML)).modifyDtsJobEndpoint(documentedSample());
        assertEquals("3FA98DF2-2F81-51FF-8A38-AA5112DD****", response.getRequestId());
        assertEquals(true, response.getSuccess());
        assertEquals("XML", wm.getAllServeEvents().get(0).getRequest().queryParameter("Format").firstValue());
    }

    static Stream<ResponseExample> errorExamples() {
        return SPEC.responses().stream().filter(e -> e.status() >= 400 || "false".equals(e.field("Success")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorExamples")
    void errorExample_raisesTheTypedExceptionWithItsValues(ResponseExample example) {
        serve(example);
        DtsClient c = client(DtsClient.builder().retryPolicy(RetryPolicy.none()));
        DtsClientException e = assertThrows(DtsClientException.class, () -> c.modifyDtsJobEndpoint(documentedSample()));
        String code = example.isXml()
                ? example.body().replaceAll("(?s).*<Code>([^<]+)</Code>.*", "$1") : fieldOr(example, "Code", "ErrCode");
        assertAll(
                () -> assertEquals(example.status(), e.status()),
                () -> assertEquals(code, e.code()),
                () -> assertTrue(example.body().contains(e.errorMessage().replace("\"", "\\\"").replace("\n", "\\n"))
                        || example.body().contains(e.errorMessage()), e.errorMessage()),
                () -> assertNotNull(e.requestId()),
                () -> assertTrue(example.body().contains(e.requestId())),
                () -> assertEquals(List.of("Throttling.User", "ServiceUnavailable").contains(code), e.retryable()));
    }

    private static String fieldOr(ResponseExample example, String name, String fallback) {
        String v = example.field(name);
        return v == null ? example.field(fallback) : v;
    }

    @Test
    void exceptionMessage_readsLikeAlibabasSdk() {
        serve(SPEC.response("ModifyDtsJobEndpointNoPermissionOperator", "application/json"));
        DtsClientException e = assertThrows(DtsClientException.class, () -> client().modifyDtsJobEndpoint(documentedSample()));
        assertEquals("code: 403, The user is not authorized to operate on the specified resource. request id: "
                + "0D0E9C70-5B3A-4C4E-9A34-8D1B7C6B2A34", e.getMessage());
    }

    @Test
    void unparseableBody_stillRaisesWithStatusAndRawText() {
        wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>")));
        DtsClientException e = assertThrows(DtsClientException.class,
                () -> client(DtsClient.builder().retryPolicy(RetryPolicy.none())).modifyDtsJobEndpoint(documentedSample()));
        assertEquals(502, e.status());
        assertEquals("SDK.UnparsedResponse", e.code());
        assertEquals("<html><body>Bad gateway</body></html>", e.rawBody());
        assertFalse(e.retryable());
    }

    @Test
    void dtsStyleErrorWithErrCodeOnly_isParsed() {
        wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"Success\":false,\"ErrCode\":\"DTS.Msg.InvalidEndpoint\",\"ErrMessage\":\"The endpoint is invalid.\","
                        + "\"HttpStatusCode\":\"400\",\"RequestId\":\"R1\"}")));
        DtsClientException e = assertThrows(DtsClientException.class,
                () -> client(DtsClient.builder().retryPolicy(RetryPolicy.none())).modifyDtsJobEndpoint(documentedSample()));
        assertEquals("DTS.Msg.InvalidEndpoint", e.code());
        assertEquals("The endpoint is invalid.", e.errorMessage());
        assertEquals("R1", e.requestId());
    }

    @Test
    void throttledThenSuccess_isRetriedAndSucceeds() {
        ResponseExample throttled = SPEC.response("ModifyDtsJobEndpointThrottlingUser", "application/json");
        ResponseExample ok = SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json");
        wm.stubFor(post(urlPathEqualTo("/")).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(throttled.status()).withHeader("Content-Type", "application/json").withBody(throttled.body()))
                .willSetStateTo("recovered"));
        wm.stubFor(post(urlPathEqualTo("/")).inScenario("retry").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(ok.body())));
        assertEquals(true, client().modifyDtsJobEndpoint(documentedSample()).getSuccess());
        List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo("/")));
        assertEquals(2, sent.size());
        assertFalse(sent.get(0).getHeader("x-acs-signature-nonce").equals(sent.get(1).getHeader("x-acs-signature-nonce")),
                "each attempt is signed afresh");
    }

    @Test
    void retryableFailureEveryTime_givesUpAfterMaxAttempts() {
        serve(SPEC.response("ModifyDtsJobEndpointServiceUnavailable503", "application/json"));
        DtsClientException e = assertThrows(DtsClientException.class, () -> client().modifyDtsJobEndpoint(documentedSample()));
        assertEquals("ServiceUnavailable", e.code());
        assertEquals(3, wm.findAll(postRequestedFor(urlPathEqualTo("/"))).size());
    }

    @Test
    void readTimeout_isNeverRetried() {
        ResponseExample ok = SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json");
        wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody(ok.body())));
        DtsClient c = client(DtsClient.builder().readTimeout(Duration.ofMillis(300))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1))));
        DtsClientException e = assertThrows(DtsClientException.class, () -> c.modifyDtsJobEndpoint(documentedSample()));
        assertEquals("SDK.ReadTimeout", e.code());
        assertEquals("No answer within the read timeout; the request may have been applied.", e.errorMessage());
        assertFalse(e.retryable());
        assertEquals(1, wm.findAll(postRequestedFor(urlPathEqualTo("/"))).size());
    }

    @Test
    void connectionRefused_isRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client = DtsClient.builder().endpoint("http://127.0.0.1:" + closedPort).credentials(CREDENTIALS)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1))).build();
        DtsClientException e = assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(documentedSample()));
        assertEquals("SDK.ConnectionRefused", e.code());
        assertEquals("The connection was refused; the request was not sent.", e.errorMessage());
        assertTrue(e.retryable());
        assertEquals(0, e.status());
    }

    @Test
    void v2Request_carriesEveryParameterUnderTheSpecsNamesAndAValidSignature() {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json"));
        client(DtsClient.builder().signatureAlgorithm(SignatureAlgorithm.V2)).modifyDtsJobEndpoint(documentedSample());
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo("/"))).get(0);
        Map<String, String> query = new TreeMap<>();
        sent.getQueryParams().forEach((name, value) -> query.put(name, value.firstValue()));
        assertAll(
                () -> assertEquals("ModifyDtsJobEndpoint", query.get("Action")),
                () -> assertEquals("cn-hangzhou", query.get("RegionId")),
                () -> assertEquals("dtsaw012y2g15q****", query.get("DtsInstanceId")),
                () -> assertEquals("Forward", query.get("SynchronizationDirection")),
                () -> assertEquals("src", query.get("Endpoint")),
                () -> assertEquals("rds", query.get("EndpointInstanceType")),
                () -> assertEquals("rm-bp10k50h8374w****", query.get("EndpointInstanceId")),
                () -> assertEquals("dtstest", query.get("Username")),
                () -> assertEquals("DTStest****", query.get("Password")),
                () -> assertEquals("true", query.get("DryRun")),
                () -> assertEquals("JSON", query.get("Format")),
                () -> assertEquals("2020-01-01", query.get("Version")),
                () -> assertEquals("LTAI5tTestKey", query.get("AccessKeyId")),
                () -> assertEquals("HMAC-SHA1", query.get("SignatureMethod")),
                () -> assertEquals("1.0", query.get("SignatureVersion")),
                () -> assertTrue(query.get("SignatureNonce").matches("[0-9a-f]{32}")),
                () -> assertTrue(query.get("Timestamp").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")),
                () -> assertFalse(query.containsKey("SecurityToken")),
                () -> assertEquals(null, sent.getHeader("Authorization")));
        String signature = query.remove("Signature");
        assertEquals(RpcSignature.sign("POST", query, "test-secret-value"), signature);
    }

    @Test
    void v3Request_byDefault_carriesEveryParameterInTheQueryTheOperationInHeadersAndAValidAuthorization() {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json"));
        client().modifyDtsJobEndpoint(documentedSample());
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo("/"))).get(0);
        Map<String, String> query = new TreeMap<>();
        sent.getQueryParams().forEach((name, value) -> query.put(name, value.firstValue()));
        assertEquals(new TreeMap<>(Map.of("RegionId", "cn-hangzhou", "DtsInstanceId", "dtsaw012y2g15q****",
                "SynchronizationDirection", "Forward", "Endpoint", "src", "EndpointInstanceType", "rds",
                "EndpointInstanceId", "rm-bp10k50h8374w****", "Username", "dtstest", "Password", "DTStest****", "DryRun", "true",
                "ModifyAccount", "false")), query,
                "the operation's parameters only: no Action, Version, Format or signature parameters");
        Map<String, String> headers = new TreeMap<>();
        for (String name : List.of("host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256")) {
            headers.put(name, sent.getHeader(name));
        }
        assertAll(
                () -> assertEquals("ModifyDtsJobEndpoint", headers.get("x-acs-action")),
                () -> assertEquals("2020-01-01", headers.get("x-acs-version")),
                () -> assertTrue(headers.get("x-acs-date").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), headers.get("x-acs-date")),
                () -> assertTrue(headers.get("x-acs-signature-nonce").matches("[0-9a-f]{32}")),
                () -> assertEquals(AcsSignatureV3.EMPTY_PAYLOAD_HASH, headers.get("x-acs-content-sha256")),
                () -> assertEquals(null, sent.getHeader("x-acs-security-token")));
        assertEquals(AcsSignatureV3.authorization("POST", query, headers, AcsSignatureV3.EMPTY_PAYLOAD_HASH, "LTAI5tTestKey", "test-secret-value"),
                sent.getHeader("Authorization"));
    }

    @Test
    void stsCredentials_sendTheSecurityToken() {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json"));
        client = DtsClient.builder().endpoint(wm.baseUrl()).credentials(Credentials.sts("STS.id", "sts-secret", "sts-token")).build();
        client.modifyDtsJobEndpoint(documentedSample());
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo("/"))).get(0);
        assertEquals("sts-token", sent.getHeader("x-acs-security-token"));
        assertEquals("STS.id", sent.getHeader("x-acs-accesskey-id"));
    }

    @Test
    void stsCredentials_v2_sendTheSecurityTokenParameter() {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json"));
        client = DtsClient.builder().endpoint(wm.baseUrl()).signatureAlgorithm(SignatureAlgorithm.V2)
                .credentials(Credentials.sts("STS.id", "sts-secret", "sts-token")).build();
        client.modifyDtsJobEndpoint(documentedSample());
        assertEquals("sts-token", wm.findAll(postRequestedFor(urlPathEqualTo("/"))).get(0).queryParameter("SecurityToken").firstValue());
    }

    @Test
    void accessKeySecret_isNeverSent() {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json"));
        client().modifyDtsJobEndpoint(documentedSample());
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo("/"))).get(0);
        assertFalse(sent.getUrl().contains("test-secret-value"));
        assertFalse(sent.getHeaders().toString().contains("test-secret-value"));
    }

    @Test
    void missingRequiredParameter_failsBeforeSending() {
        DtsClient c = client();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.modifyDtsJobEndpoint(documentedSample().endpoint(null)));
        assertEquals("Endpoint is required", e.getMessage());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void everyRequiredParameter_isNamedWhenMissing_andNothingIsSent() {
        DtsClient c = client();
        assertEquals("EndpointInstanceType is required", assertThrows(IllegalArgumentException.class,
                () -> c.modifyDtsJobEndpoint(documentedSample().endpointInstanceType(null))).getMessage());
        assertEquals("DtsJobId or DtsInstanceId is required", assertThrows(IllegalArgumentException.class,
                () -> c.modifyDtsJobEndpoint(documentedSample().dtsInstanceId(null).dtsJobId(null))).getMessage());
        assertThrows(NullPointerException.class, () -> c.modifyDtsJobEndpoint(null));
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void anInterruptedCaller_getsATransportError_andKeepsItsInterrupt() {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json"));
        DtsClient c = client();
        Thread.currentThread().interrupt();
        DtsClientException e;
        try {
            e = assertThrows(DtsClientException.class, () -> c.modifyDtsJobEndpoint(documentedSample()));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller (and cleared here)");
        }
        assertEquals("SDK.TransportError", e.code());
        assertFalse(e.retryable(), "the change may have been sent");
        assertEquals("Interrupted while waiting for the answer; the request may have been applied.", e.errorMessage());
    }

    @Test
    void closedClient_sendsNothing() {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json"));
        DtsClient c = client();
        c.close();
        assertThrows(RuntimeException.class, () -> c.modifyDtsJobEndpoint(documentedSample()));
        assertEquals(0, wm.getAllServeEvents().size(), "its HTTP client was stopped with it");
    }

    @Test
    void successFalseOn200_takesItsStatusFromHttpStatusCode_or200_andOneThatIsNoStatusIsUnparsed() {
        for (String[] row : new String[][] {{"\"HttpStatusCode\":\"403\",", "403", "Forbidden.NoPermission"}, {"", "200", "Forbidden.NoPermission"},
                {"\"HttpStatusCode\":\"forbidden\",", "200", "SDK.UnparsedResponse"}, {"\"HttpStatusCode\":\"99\",", "200", "SDK.UnparsedResponse"},
                {"\"HttpStatusCode\":\"600\",", "200", "SDK.UnparsedResponse"}, {"\"HttpStatusCode\":\"100\",", "100", "Forbidden.NoPermission"},
                {"\"HttpStatusCode\":\"599\",", "599", "Forbidden.NoPermission"}}) {
            wm.resetAll();
            wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"RequestId\":\"R2\"," + row[0] + "\"Success\":false,\"ErrCode\":\"Forbidden.NoPermission\",\"ErrMessage\":\"no\"}")));
            DtsClientException e = assertThrows(DtsClientException.class, () -> client().modifyDtsJobEndpoint(documentedSample()));
            assertEquals(Integer.parseInt(row[1]), e.status(), row[0]);
            assertEquals(row[2], e.code(), row[0]);
            assertEquals("R2", e.requestId());
            assertFalse(e.retryable());
            if (row[2].startsWith("SDK.")) {
                assertTrue(e.errorMessage().startsWith("Success=false with an HttpStatusCode that is not an HTTP status: '"), e.errorMessage());
                assertTrue(e.errorMessage().endsWith("' (ErrCode Forbidden.NoPermission: no)"), e.errorMessage());
            } else {
                assertEquals("no", e.errorMessage());
            }
            client.close();
        }
    }

    @Test
    void malformedRegion_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> DtsClient.builder().region("not a region"));
    }
}
