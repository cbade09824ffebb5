package dev.dtscontract.client;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An answer's body is read up to a bound (DtsClient.Builder.maxResponseBytes, default 10 MiB): a longer one, whether
 * its Content-Length says so or it arrives chunked, fails with SDK.ResponseTooLarge, its status kept, sent once.
 */
class ResponseBoundTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ModifyDtsJobEndpointRequest CHANGE = new ModifyDtsJobEndpointRequest().dtsJobId("m4312mab158****")
            .endpoint(Endpoint.SRC).endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId("rm-bp10k50h8374w****");

    /** A success answer of exactly this many bytes (JSON padded with spaces). */
    private static String answerOf(int bytes) {
        String json = "{\"RequestId\":\"r-bound\",\"Success\":true,\"HttpStatusCode\":\"200\"}";
        return json + " ".repeat(bytes - json.length());
    }

    private static DtsClient client(Long maxBytes) {
        DtsClient.Builder b = DtsClient.builder().endpoint(wm.baseUrl()).credentials(Credentials.of("LTAI5tTestKey", "test-secret-value"))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)));
        return (maxBytes == null ? b : b.maxResponseBytes(maxBytes)).build();
    }

    private static void serve(ResponseDefinitionBuilder answer) {
        wm.resetAll();
        wm.stubFor(post(urlPathEqualTo("/")).willReturn(answer));
    }

    @Test
    void aBodyAtTheBound_isRead_byItsContentLength_andChunked() {
        serve(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("Content-Length", "1000")
                .withBody(answerOf(1000)));
        try (DtsClient client = client(1000L)) {
            assertEquals("r-bound", client.modifyDtsJobEndpoint(CHANGE).getRequestId());
        }
        serve(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(answerOf(1000))
                .withChunkedDribbleDelay(4, 10));
        try (DtsClient client = client(1000L)) {
            assertEquals("r-bound", client.modifyDtsJobEndpoint(CHANGE).getRequestId());
        }
    }

    @Test
    void aLongerBody_byItsContentLength_isRefused_andNotRetried() {
        serve(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("Content-Length", "1001")
                .withBody(answerOf(1001)));
        try (DtsClient client = client(1000L)) {
            DtsClientException e = assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(CHANGE));
            assertEquals("SDK.ResponseTooLarge", e.code());
            assertEquals(200, e.status());
            assertFalse(e.retryable(), "answered, so possibly applied");
            assertEquals("The answer's body is larger than 1000 bytes (DtsClient.Builder.maxResponseBytes); it was not read.",
                    e.errorMessage());
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void aLongerBody_arrivingChunked_isRefused() {
        serve(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody(answerOf(5000))
                .withChunkedDribbleDelay(5, 20));
        try (DtsClient client = client(1000L)) {
            DtsClientException e = assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(CHANGE));
            assertEquals("SDK.ResponseTooLarge", e.code());
            assertEquals(503, e.status());
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void theDefaultBound_is10MiB() {
        assertEquals(10L * 1024 * 1024, DtsClient.DEFAULT_MAX_RESPONSE_BYTES);
        serve(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(answerOf(10 * 1024 * 1024 + 1)));
        try (DtsClient client = client(null)) {
            assertEquals("SDK.ResponseTooLarge", assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(CHANGE)).code());
        }
        serve(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(answerOf(10 * 1024 * 1024)));
        try (DtsClient client = client(null)) {
            assertEquals("r-bound", client.modifyDtsJobEndpoint(CHANGE).getRequestId());
        }
    }

    @Test
    void aBoundBelowOneByte_isRefusedByTheBuilder() {
        assertThrows(IllegalArgumentException.class, () -> DtsClient.builder().maxResponseBytes(0));
        DtsClient.builder().maxResponseBytes(1); // one byte is a bound
    }
}
