package dev.dtscontract.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dtscontract.client.model.ModelFormat;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each option of the client builder, of the injected client's configuration and of the request model reaches the wire
 * (or the behaviour it names): an option that is accepted and then ignored fails here. Every parameter of the request
 * model is {@link EveryParameterReachesTheWireTest}'s; the retry classes are {@link RetryTableTest}'s.
 */
class ClientOptionsReachTheWireTest {

    private static final SpecExamples SPEC = SpecExamples.load();
    private static final Credentials KEY = Credentials.of("LTAI5tOptionsKey", "options-secret");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

    @BeforeEach
    void answerTheDocumentedSample() {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json"));
    }

    private static void serve(ResponseExample example) {
        wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(example.status())
                .withHeader("Content-Type", example.mediaType()).withBody(example.body())));
    }

    private static LoggedRequest sent() {
        List<LoggedRequest> all = wm.findAll(postRequestedFor(urlPathEqualTo("/")));
        assertEquals(1, all.size(), "requests sent");
        return all.get(0);
    }

    private static String query(LoggedRequest request, String name) {
        return request.queryParameter(name).isPresent() ? request.queryParameter(name).firstValue() : null;
    }

    @Test
    void endpoint_isWhereTheRequestGoes_andTheSignedHost() {
        try (DtsClient client = DtsClient.builder().endpoint(URI.create(wm.baseUrl())).credentials(KEY).build()) {
            client.modifyDtsJobEndpoint(DtsClientTest.documentedSample());
        }
        assertEquals("localhost:" + wm.getPort(), sent().getHeader("host"));
    }

    @Test
    void region_choosesTheRegionalEndpoint() {
        assertEquals(URI.create("https://dts.cn-shanghai.aliyuncs.com"), DtsClient.builder().region("cn-shanghai").endpoint());
        assertEquals(DtsClient.DEFAULT_ENDPOINT, DtsClient.builder().endpoint());
    }

    @Test
    void credentials_signEveryRequest_andTheProviderIsAskedPerAttempt() {
        AtomicInteger asked = new AtomicInteger();
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl()).credentialsProvider(() -> {
            asked.incrementAndGet();
            return KEY;
        }).build()) {
            client.modifyDtsJobEndpoint(DtsClientTest.documentedSample());
            client.modifyDtsJobEndpoint(DtsClientTest.documentedSample());
        }
        assertEquals(2, asked.get(), "a rotated key is used from the next request on");
        wm.findAll(postRequestedFor(urlPathEqualTo("/"))).forEach(r ->
                assertTrue(r.getHeader("Authorization").startsWith("ACS3-HMAC-SHA256 Credential=LTAI5tOptionsKey,"), r.getHeader("Authorization")));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SignatureAlgorithm.class)
    void signatureAlgorithm_decidesTheScheme(SignatureAlgorithm algorithm) {
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl()).credentials(KEY).signatureAlgorithm(algorithm).build()) {
            client.modifyDtsJobEndpoint(DtsClientTest.documentedSample());
        }
        LoggedRequest sent = sent();
        if (algorithm == SignatureAlgorithm.V3) {
            assertTrue(sent.getHeader("Authorization").startsWith("ACS3-HMAC-SHA256 "));
            assertNull(query(sent, "SignatureMethod"));
        } else {
            assertNull(sent.getHeader("Authorization"));
            assertEquals("HMAC-SHA1", query(sent, "SignatureMethod"));
            assertEquals("LTAI5tOptionsKey", query(sent, "AccessKeyId"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SignatureAlgorithm.class)
    void clientFormatXml_isAskedFor_andTheXmlAnswerRead(SignatureAlgorithm algorithm) {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/xml"));
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl()).credentials(KEY).signatureAlgorithm(algorithm)
                .format(ModelFormat.XML).build()) {
            assertEquals(true, client.modifyDtsJobEndpoint(DtsClientTest.documentedSample()).getSuccess());
        }
        assertEquals("XML", query(sent(), "Format"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SignatureAlgorithm.class)
    void requestFormatXml_isAskedFor_evenWhenTheClientDefaultsToJson(SignatureAlgorithm algorithm) {
        serve(SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/xml"));
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl()).credentials(KEY).signatureAlgorithm(algorithm).build()) {
            client.modifyDtsJobEndpoint(DtsClientTest.documentedSample()._format(ModelFormat.XML));
        }
        assertEquals("XML", query(sent(), "Format"));
    }

    @Test
    void jsonFormat_isTheDefault() {
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl()).credentials(KEY).signatureAlgorithm(SignatureAlgorithm.V2).build()) {
            client.modifyDtsJobEndpoint(DtsClientTest.documentedSample());
        }
        assertEquals("JSON", query(sent(), "Format"));
    }

    @Test
    void retryPolicy_decidesTheNumberOfAttempts() {
        serve(SPEC.response("ModifyDtsJobEndpointThrottlingUser", "application/json"));
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl()).credentials(KEY)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1))).build()) {
            assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(DtsClientTest.documentedSample()));
        }
        assertEquals(2, wm.findAll(postRequestedFor(urlPathEqualTo("/"))).size(), "2 attempts, not the default 3");
        wm.resetRequests();
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl()).credentials(KEY).retryPolicy(RetryPolicy.none()).build()) {
            assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(DtsClientTest.documentedSample()));
        }
        assertEquals(1, wm.findAll(postRequestedFor(urlPathEqualTo("/"))).size());
    }

    @Test
    void readTimeout_endsTheWait() {
        ResponseExample ok = SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json");
        wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withFixedDelay(600)
                .withHeader("Content-Type", ok.mediaType()).withBody(ok.body())));
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl()).credentials(KEY).readTimeout(Duration.ofMillis(200)).build()) {
            assertEquals("SDK.ReadTimeout", assertThrows(DtsClientException.class,
                    () -> client.modifyDtsJobEndpoint(DtsClientTest.documentedSample())).code());
        }
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl()).credentials(KEY).readTimeout(Duration.ofSeconds(5)).build()) {
            assertEquals(true, client.modifyDtsJobEndpoint(DtsClientTest.documentedSample()).getSuccess(), "0.6 s is within 5 s");
        }
    }

    /**
     * A listener whose accept queue is full drops new connection attempts (Linux), so a connect can only time out:
     * the configured connect timeout, not the default 5 s, must end it.
     */
    @Test
    void connectTimeout_endsTheConnect_andIsRetryableBecauseNothingWasSent() throws IOException {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1)) {
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress("127.0.0.1", full.getLocalPort()), 200);
                    fillers.add(s);
                } catch (IOException queueFull) {
                    s.close();
                    break;
                }
            }
            try (DtsClient client = DtsClient.builder().endpoint("http://127.0.0.1:" + full.getLocalPort()).credentials(KEY)
                    .connectTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()).build()) {
                long start = System.nanoTime();
                DtsClientException e = assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(DtsClientTest.documentedSample()));
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                assertEquals("SDK.ConnectTimeout", e.code());
                assertTrue(e.retryable());
                assertTrue(tookMillis < 4_000, "ended by the 300 ms connect timeout, not the default 5 s: " + tookMillis + " ms");
            }
        } finally {
            for (Socket s : fillers) s.close();
        }
    }

    @Test
    void injectedConfiguration_format_signature_credentials_andRetries_reachTheWire() {
        serve(SPEC.response("ModifyDtsJobEndpointThrottlingUser", "application/json"));
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "micronaut.http.services.dts.url", wm.baseUrl(),
                "dts.client.format", "XML",
                "dts.client.signature-algorithm", "v2",
                "dts.client.max-attempts", "2",
                "dts.client.initial-retry-delay", "7ms",
                "dts.client.max-retry-delay", "9ms",
                "dts.client.access-key-id", "STS.Injected",
                "dts.client.access-key-secret", "injected-secret",
                "dts.client.security-token", "injected-token"))) {
            assertEquals(new RetryPolicy(2, Duration.ofMillis(7), Duration.ofMillis(9)), context.getBean(DtsClientConfiguration.class).retryPolicy());
            DtsClient client = context.getBean(DtsClient.class);
            assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(DtsClientTest.documentedSample()));
        }
        List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo("/")));
        assertEquals(2, sent.size(), "dts.client.max-attempts");
        LoggedRequest first = sent.get(0);
        assertEquals("XML", query(first, "Format"));
        assertEquals("HMAC-SHA1", query(first, "SignatureMethod"));
        assertEquals("STS.Injected", query(first, "AccessKeyId"));
        assertEquals("injected-token", query(first, "SecurityToken"));
    }
}
