package dev.dtscontract.contract;

import dev.dtscontract.verifier.Comparisons;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.JobStore;
import dev.dtscontract.spec.SpecExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alibaba Cloud's current generic Java client, {@code com.aliyun:tea-openapi} 0.3.15, against the emulator, called
 * exactly as the generated DTS SDK calls it ({@code callApi}, RPC style): signature V3 by default, and
 * {@code signatureAlgorithm = "v2"} (the RPC signature); ModifyDtsJobEndpoint, DescribeDtsJobDetail and the flow of the
 * two (apply, poll until running on the emulator's clock, read back). Nothing on the client side is adapted to the emulator.
 */
class TeaOpenApiCompatibilityTest {

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    private static final Map<String, String> SAMPLE = SpecExamples.load().request("ModifyDtsJobEndpointDocumentedSample").parameters();

    private static Client client(String id, String secret, String token, String algorithm) throws Exception {
        Config config = new Config().setAccessKeyId(id).setAccessKeySecret(secret).setProtocol("HTTP").setRegionId("cn-hangzhou")
                .setEndpoint(emulator.url().getHost() + ":" + emulator.url().getPort());
        if (token != null) config.setSecurityToken(token);
        if (algorithm != null) config.setSignatureAlgorithm(algorithm);
        return new Client(config);
    }

    private static Client demo(String algorithm) throws Exception {
        return client(DemoCredentials.DEMO.accessKeyId(), DemoCredentials.DEMO.accessKeySecret(), null, algorithm);
    }

    /** ModifyDtsJobEndpointWithOptions: POST, parameters in the query (GET and form-body variants on request). */
    private static Map<String, Object> call(Client client, String method, boolean form, Map<String, String> parameters) throws Exception {
        return call(client, "ModifyDtsJobEndpoint", method, form, parameters);
    }

    /** An operation's *WithOptions as the generated DTS SDK calls it: callApi, RPC style, the Action in Params. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(Client client, String action, String method, boolean form, Map<String, String> parameters)
            throws Exception {
        Map<String, String> operation = new LinkedHashMap<>(parameters);
        operation.remove("Action");
        Params params = new Params().setAction(action).setVersion("2020-01-01").setProtocol("HTTP")
                .setMethod(method).setAuthType("AK").setStyle("RPC").setPathname("/")
                .setReqBodyType(form ? "formData" : "json").setBodyType("json");
        OpenApiRequest request = form ? new OpenApiRequest().setBody(operation)
                : new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(operation));
        Map<String, ?> result = client.callApi(params, request, new RuntimeOptions());
        assertEquals(200, ((Number) result.get("statusCode")).intValue());
        return (Map<String, Object>) result.get("body");
    }

    private static void assertSucceeded(Map<String, Object> body) {
        assertAll(
                () -> assertEquals(true, body.get("Success")),
                () -> assertEquals("200", body.get("HttpStatusCode")),
                () -> assertTrue(Comparisons.REQUEST_ID.matcher(String.valueOf(body.get("RequestId"))).matches(), body.toString()),
                () -> assertEquals(false, body.containsKey("Code"), "a success carries no Code"));
    }

    private static TeaException refused(Client client, Map<String, String> parameters) {
        return assertThrows(TeaException.class, () -> call(client, "POST", false, parameters));
    }

    @ParameterizedTest(name = "{0} {1} form={2}")
    @CsvSource({"v3, GET, false", "v3, POST, false", "v3, POST, true", "v2, GET, false", "v2, POST, false", "v2, POST, true"})
    void documentedSample_succeeds(String algorithm, String method, boolean form) throws Exception {
        assertSucceeded(call(demo(algorithm.equals("v3") ? null : "v2"), method, form, SAMPLE));
    }

    @Test
    void stsCredentials_succeedWithV3() throws Exception {
        Client sts = client("STS.DemoTemporaryKey001", "StsSecretForLocalUseOnly0001", "CAIS8wF1q6Ft5B2yfSjIr5bDemoSecurityToken", null);
        assertSucceeded(call(sts, "POST", false, SAMPLE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v3", "v2"})
    void wrongSecret_isSignatureDoesNotMatch_showingTheServersStringToSign(String algorithm) throws Exception {
        TeaException e = refused(client(DemoCredentials.DEMO.accessKeyId(), "wrong-secret", null, algorithm.equals("v3") ? null : "v2"), SAMPLE);
        assertAll(
                () -> assertEquals("SignatureDoesNotMatch", e.getCode()),
                () -> assertEquals(400, e.getStatusCode()),
                () -> assertTrue(e.getMessage().contains("server string to sign is [" + (algorithm.equals("v3") ? "ACS3-HMAC-SHA256\n" : "POST&%2F&")),
                        e.getMessage()),
                () -> assertTrue(!e.getMessage().contains("DTStest") && !e.getMessage().contains("wrong-secret"), e.getMessage()));
    }

    @Test
    void missingParameter_isMissingParameter() throws Exception {
        Map<String, String> withoutEndpoint = new LinkedHashMap<>(SAMPLE);
        withoutEndpoint.remove("Endpoint");
        TeaException e = refused(demo(null), withoutEndpoint);
        assertAll(
                () -> assertEquals("MissingParameter", e.getCode()),
                () -> assertEquals(400, e.getStatusCode()),
                () -> assertTrue(e.getMessage().contains("\"Endpoint\""), e.getMessage()));
    }

    @Test
    void unknownJob_isNotFound() throws Exception {
        Map<String, String> unknown = new LinkedHashMap<>(SAMPLE);
        unknown.put("DtsInstanceId", "dtsnosuchjob****");
        TeaException e = refused(demo(null), unknown);
        assertAll(() -> assertEquals("InvalidDtsJobId.NotFound", e.getCode()), () -> assertEquals(404, e.getStatusCode()));
    }

    private static final Map<String, String> DESCRIBE = SpecExamples.load().request("DescribeDtsJobDetailDocumentedSample").parameters();

    @ParameterizedTest(name = "{0} {1} form={2}")
    @CsvSource({"v3, GET, false", "v3, POST, false", "v3, POST, true", "v2, GET, false", "v2, POST, false", "v2, POST, true"})
    void describeDtsJobDetail_readsTheDocumentsJob(String algorithm, String method, boolean form) throws Exception {
        Map<String, Object> body = call(demo(algorithm.equals("v3") ? null : "v2"), "DescribeDtsJobDetail", method, form, DESCRIBE);
        Map<?, ?> source = (Map<?, ?>) body.get("SourceEndpoint");
        assertAll(
                () -> assertEquals(true, body.get("Success")),
                () -> assertEquals(200, ((Number) body.get("HttpStatusCode")).intValue()),
                () -> assertEquals(false, body.containsKey("Code"), "a success carries no Code"),
                () -> assertEquals("ta7w132u12h****", body.get("DtsJobId")),
                () -> assertEquals("Synchronizing", body.get("Status")),
                () -> assertEquals(1795507200L, ((Number) body.get("Checkpoint")).longValue()),
                () -> assertEquals("rm-bp1src0mysql0001", source.get("InstanceID")),
                () -> assertEquals(false, source.containsKey("Password"), "no password is ever returned"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v3", "v2"})
    void theFlow_applyThenPollUntilRunning_readsTheNewEndpointBack(String algorithm) throws Exception {
        Client client = demo(algorithm.equals("v3") ? null : "v2");
        Map<String, String> read = Map.of("DtsJobId", "ta7w132u12h****");
        try {
            assertSucceeded(call(client, "POST", false, Map.of("DtsJobId", "ta7w132u12h****", "Endpoint", "src",
                    "EndpointInstanceType", "rds", "EndpointInstanceId", "rm-bp1alt0mysql0002", "DryRun", "false")));
            Map<String, Object> changing = call(client, "DescribeDtsJobDetail", "POST", false, read);
            assertEquals("Modifying", changing.get("Status"));
            assertEquals("rm-bp1alt0mysql0002", ((Map<?, ?>) changing.get("SourceEndpoint")).get("InstanceID"));
            assertEquals(1795507190L, ((Number) changing.get("Checkpoint")).longValue(), "rolled back 10 s");
            emulator.examples().control().advanceClock(java.time.Duration.ofSeconds(30));
            Map<String, Object> running = call(client, "DescribeDtsJobDetail", "POST", false, read);
            assertEquals("Synchronizing", running.get("Status"));
            assertEquals("rm-bp1alt0mysql0002", ((Map<?, ?>) running.get("SourceEndpoint")).get("InstanceID"));
        } finally {
            emulator.examples().control().reset();
        }
    }

    @Test
    void describeDtsJobDetail_ofAnotherAccountsJob_isNotFound() throws Exception {
        TeaException e = assertThrows(TeaException.class, () -> call(client("LTAI5tOtherAccessKey001", "OtherSecretForLocalUseOnly001",
                null, null), "DescribeDtsJobDetail", "POST", false, Map.of("DtsJobId", "ta7w132u12h****")));
        assertAll(() -> assertEquals("InvalidDtsJobId.NotFound", e.getCode()), () -> assertEquals(404, e.getStatusCode()));
    }

    @Test
    void realChange_isAppliedOnce() throws Exception {
        JobStore store = emulator.bean(JobStore.class);
        DtsJob before = store.findByJobId("jkafka00000001").orElseThrow();
        assertSucceeded(call(demo(null), "POST", false, Map.of("DtsJobId", "jkafka00000001", "Endpoint", "dest",
                "EndpointInstanceType", "kafka", "EndpointInstanceId", "alikafka-cn-hz0002", "DryRun", "false")));
        DtsJob after = store.findByJobId("jkafka00000001").orElseThrow();
        assertAll(
                () -> assertEquals("alikafka-cn-hz0002", after.destination().instanceId()),
                () -> assertEquals(before.version() + 1, after.version()),
                () -> assertEquals(before.source(), after.source()));
    }
}
