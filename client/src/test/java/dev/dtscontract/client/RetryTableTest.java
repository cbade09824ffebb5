package dev.dtscontract.client;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * For each class of failure, how many attempts the client makes and what {@code retryable()} says. Only a failure that
 * proves the request was not applied may be retried: a policy widened to every transport error, or narrowed to drop a
 * retryable code, changes a row. Attempts are counted twice: by the server and by the credentials asked for, once per
 * signed attempt (which also counts attempts that never reached a server).
 */
class RetryTableTest {

    private static final int MAX_ATTEMPTS = 3;
    private static final SpecExamples SPEC = SpecExamples.load();
    /** The spec's codes that the client retries; every other code it documents is answered at once. */
    private static final Set<String> RETRIED_SPEC_CODES = Set.of("Throttling.User", "ServiceUnavailable");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

    private static final AtomicInteger SIGNED = new AtomicInteger();
    private static final Map<String, DtsClient> CLIENTS = new HashMap<>();

    /** One row: the failure, what the server (if any) answers, and what the client must do. */
    record Row(String failure, ResponseDefinitionBuilder answer, String url, int attempts, int status, String code, boolean retryable) {
        @Override
        public String toString() {
            return failure;
        }
    }

    static Stream<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("connection refused", null, "http://127.0.0.1:" + closedPort(), MAX_ATTEMPTS, 0, "SDK.ConnectionRefused", true));
        rows.add(new Row("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), null, 1, 0, "SDK.TransportError", false));
        rows.add(new Row("connection closed without an answer", aResponse().withFault(Fault.EMPTY_RESPONSE), null, 1, 0, "SDK.TransportError", false));
        rows.add(new Row("garbage instead of HTTP", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), null, 1, 0, "SDK.TransportError", false));
        rows.add(new Row("read timeout", ok().withFixedDelay(1_500), null, 1, 0, "SDK.ReadTimeout", false));
        rows.add(new Row("500 without a body", aResponse().withStatus(500), null, 1, 500, "SDK.UnparsedResponse", false));
        rows.add(new Row("503 without a body", aResponse().withStatus(503), null, 1, 503, "SDK.UnparsedResponse", false));
        rows.add(new Row("502 with a proxy's HTML page", aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad Gateway</body></html>"), null, 1, 502, "SDK.UnparsedResponse", false));
        rows.add(new Row("200 without a body", aResponse().withStatus(200).withHeader("Content-Type", "application/json"), null,
                1, 200, "SDK.EmptyResponse", false));
        rows.add(new Row("200 with a body that is not JSON", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"RequestId\": "), null, 1, 200, "SDK.UnparsedResponse", false));
        rows.add(new Row("Throttling (Alibaba's generic throttling code, not in this spec)", aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"Code\":\"Throttling\",\"Message\":\"Request was denied due to flow control.\",\"RequestId\":\"R-T\"}"),
                null, MAX_ATTEMPTS, 400, "Throttling", true));
        for (ResponseExample e : SPEC.responses()) {
            String code = e.field("Code") != null ? e.field("Code") : xmlCode(e);
            if (e.status() == 200 || code == null) {
                continue;
            }
            boolean retried = RETRIED_SPEC_CODES.contains(code);
            rows.add(new Row(code + " (" + e.id() + ", " + e.mediaType() + ")", aResponse().withStatus(e.status())
                    .withHeader("Content-Type", e.mediaType()).withBody(e.body()), null,
                    retried ? MAX_ATTEMPTS : 1, e.status(), code, retried));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void failure_isRetriedOnlyWhenTheRequestWasCertainlyNotApplied(Row row) {
        wm.resetAll();
        SIGNED.set(0);
        if (row.answer() != null) {
            wm.stubFor(post(urlPathEqualTo("/")).willReturn(row.answer()));
        }
        DtsClient client = client(row.url() != null ? row.url() : wm.baseUrl());
        DtsClientException e = assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(DtsClientTest.documentedSample()));
        int served = wm.findAll(postRequestedFor(urlPathEqualTo("/"))).size();
        assertAll(
                () -> assertEquals(row.code(), e.code(), "code"),
                () -> assertEquals(row.retryable(), e.retryable(), "retryable()"),
                () -> assertEquals(row.status(), e.status(), "status"),
                () -> assertEquals(row.attempts(), SIGNED.get(), "attempts signed"),
                () -> assertEquals(row.url() == null ? row.attempts() : 0, served, "attempts served"));
    }

    @Test
    void theTableCoversEveryErrorCodeOfTheSpec_andRetriesExactlyTheDocumentedTransientOnes() throws IOException {
        Set<String> inTable = new TreeSet<>();
        Set<String> retried = new TreeSet<>();
        table().forEach(row -> {
            inTable.add(row.code());
            if (row.retryable()) retried.add(row.code());
        });
        Set<String> specCodes = new TreeSet<>();
        SPEC.responses().forEach(e -> {
            String code = e.field("Code") != null ? e.field("Code") : xmlCode(e);
            if (code != null && e.status() != 200) specCodes.add(code);
        });
        assertEquals(Set.of(), difference(specCodes, inTable), "codes of the spec without a row");
        assertEquals(new TreeSet<>(Set.of("SDK.ConnectionRefused", "Throttling", "Throttling.User", "ServiceUnavailable")), retried);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static String xmlCode(ResponseExample e) {
        return e.isXml() && e.body().contains("<Code>") ? e.body().replaceAll("(?s).*<Code>(.*?)</Code>.*", "$1") : null;
    }

    private static ResponseDefinitionBuilder ok() {
        ResponseExample ok = SPEC.response("ModifyDtsJobEndpointDocumentedSample", "application/json");
        return aResponse().withStatus(200).withHeader("Content-Type", ok.mediaType()).withBody(ok.body());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One client per URL (a client starts its own small context), counting the attempts it signs. */
    private static DtsClient client(String url) {
        return CLIENTS.computeIfAbsent(url, u -> DtsClient.builder().endpoint(u)
                .credentialsProvider(() -> {
                    SIGNED.incrementAndGet();
                    return Credentials.of("LTAI5tTestKey", "test-secret-value");
                })
                .readTimeout(Duration.ofMillis(400))
                .retryPolicy(new RetryPolicy(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(2)))
                .build());
    }

    @AfterAll
    static void closeClients() {
        CLIENTS.values().forEach(DtsClient::close);
    }
}
