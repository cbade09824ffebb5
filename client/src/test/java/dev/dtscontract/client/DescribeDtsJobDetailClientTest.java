package dev.dtscontract.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.model.DescribeDtsJobDetailResponse;
import dev.dtscontract.client.model.SynchronizationDirection;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The client's DescribeDtsJobDetail: every parameter reaches the wire under its own spec name (both signatures, to the
 * path `/`, never the spec's `/#Action=...` key), the documented answer comes back field by field, an error answer and
 * a read timeout are errors, and a read is retried where a change would not be.
 */
class DescribeDtsJobDetailClientTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            entry("DtsJobId", "job-01"), entry("DtsInstanceID", "instance-02"), entry("SynchronizationDirection", "Reverse"),
            entry("RegionId", "cn-region-04"), entry("SyncSubJobHistory", "true"), entry("ZeroEtlJob", "false"),
            entry("ResourceGroupId", "rg-07"), entry("DbObjectOutputType", "json-08"));

    private static DescribeDtsJobDetailRequest everyParameter() {
        return new DescribeDtsJobDetailRequest().dtsJobId("job-01").dtsInstanceID("instance-02")
                .synchronizationDirection(SynchronizationDirection.REVERSE).regionId("cn-region-04").syncSubJobHistory(true)
                .zeroEtlJob(false).resourceGroupId("rg-07").dbObjectOutputType("json-08");
    }

    private static DtsClient client(SignatureAlgorithm algorithm, RetryPolicy retries) {
        return DtsClient.builder().endpoint(wm.baseUrl()).credentials(Credentials.of("LTAI5tTestKey", "test-secret-value"))
                .signatureAlgorithm(algorithm).retryPolicy(retries).readTimeout(Duration.ofMillis(500)).build();
    }

    private static void answer(ResponseExample example) {
        wm.stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(example.status())
                .withHeader("Content-Type", example.mediaType()).withBody(example.body())));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SignatureAlgorithm.class)
    void everyParameter_arrivesUnderItsOwnSpecName_atThePathSlash_andTheDocumentedAnswerComesBack(SignatureAlgorithm algorithm) {
        answer(SpecExamples.load().response("DescribeDtsJobDetailDocumentedSample", "application/json"));
        DescribeDtsJobDetailResponse r;
        try (DtsClient client = client(algorithm, RetryPolicy.none())) {
            r = client.describeDtsJobDetail(everyParameter());
        }
        LoggedRequest sent = wm.findAll(getRequestedFor(urlPathEqualTo("/"))).get(0);
        assertEquals("/", sent.getUrl().substring(0, sent.getUrl().indexOf('?')), "the wire path is / (no fragment, no Action path)");
        Map<String, String> query = new TreeMap<>();
        sent.getQueryParams().forEach((name, value) -> query.put(name, value.firstValue()));
        EXPECTED.forEach((name, value) -> assertEquals(value, query.get(name), name + " on the wire (" + algorithm + ")"));
        assertEquals("DescribeDtsJobDetail", algorithm == SignatureAlgorithm.V3 ? sent.getHeader("x-acs-action") : query.get("Action"));
        Set<String> specNames = SpecContract.load().operation("DescribeDtsJobDetail").orElseThrow().parameters().keySet().stream()
                .filter(n -> !Set.of("Action", "Version", "Format", "AccessKeyId", "SignatureMethod", "SignatureVersion",
                        "SignatureNonce", "Timestamp", "SecurityToken").contains(n)).collect(Collectors.toSet());
        assertEquals(specNames, EXPECTED.keySet(), "this test sets every parameter of the operation");
        assertAll(
                () -> assertEquals(200, r.getHttpStatusCode()),
                () -> assertEquals("ta7w132u12h****", r.getDtsJobId()),
                () -> assertEquals("dtsta7w132u12h****", r.getDtsInstanceID()),
                () -> assertEquals("Synchronizing", r.getStatus()),
                () -> assertEquals(1795507200L, r.getCheckpoint()),
                () -> assertEquals(2L, r.getDelay()),
                () -> assertEquals("rm-bp1src0mysql0001", r.getSourceEndpoint().getInstanceID()),
                () -> assertEquals("dts_dst", r.getDestinationEndpoint().getUserName()),
                () -> assertEquals(DescribeDtsJobDetailResponse.JobTypeEnum.SYNC, r.getJobType()));
    }

    @Test
    void aRequestWithoutDtsJobId_isRefusedBeforeSending() {
        try (DtsClient client = client(SignatureAlgorithm.V3, RetryPolicy.none())) {
            assertEquals("DtsJobId is required", assertThrows(IllegalArgumentException.class,
                    () -> client.describeDtsJobDetail(new DescribeDtsJobDetailRequest().regionId("cn-hangzhou"))).getMessage());
        }
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void theDocumentedNotFound_isADtsClientException_withItsCodeAndStatus() {
        answer(SpecExamples.load().response("DescribeDtsJobDetailNotFound", "application/json"));
        try (DtsClient client = client(SignatureAlgorithm.V3, RetryPolicy.none())) {
            DtsClientException e = assertThrows(DtsClientException.class,
                    () -> client.describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId("nosuchjob00001")));
            assertEquals(404, e.status());
            assertEquals("InvalidDtsJobId.NotFound", e.code());
        }
    }

    @Test
    void aReadTimeout_isRetried_forARead() {
        wm.stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withFixedDelay(1500).withStatus(200)));
        try (DtsClient client = client(SignatureAlgorithm.V3, new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1)))) {
            DtsClientException e = assertThrows(DtsClientException.class,
                    () -> client.describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId("job-01")));
            assertEquals("SDK.ReadTimeout", e.code());
            assertEquals("No answer within the read timeout.", e.errorMessage(), "a read cannot have been applied");
            assertEquals(true, e.retryable());
        }
        assertEquals(2, wm.getAllServeEvents().size(), "a read that timed out is sent again");
    }

    @Test
    void successFalseOn200_takesItsStatusFromHttpStatusCode_or200() {
        for (String[] row : new String[][] {{"\"HttpStatusCode\":403,", "403"}, {"", "200"}}) {
            wm.resetAll();
            wm.stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"RequestId\":\"R3\"," + row[0] + "\"Success\":false,\"ErrCode\":\"Forbidden.NoPermission\",\"ErrMessage\":\"no\"}")));
            try (DtsClient client = client(SignatureAlgorithm.V3, RetryPolicy.none())) {
                DtsClientException e = assertThrows(DtsClientException.class,
                        () -> client.describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId("job-01")));
                assertEquals(Integer.parseInt(row[1]), e.status(), row[0]);
                assertEquals("Forbidden.NoPermission", e.code());
                assertEquals("no", e.errorMessage());
                assertEquals("R3", e.requestId());
            }
        }
    }
}
