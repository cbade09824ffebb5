package dev.dtscontract.contract;

import dev.dtscontract.verifier.Comparisons;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alibaba Cloud's official generic Java client (aliyun-java-sdk-core, CommonRequest), unchanged, against the
 * emulator over HTTP, GET and POST: a valid call succeeds, and each refusal reaches it as that client's
 * exception with the error code and RequestId.
 */
class AlibabaSdkCompatibilityTest {

    private static final SpecExamples SPEC = SpecExamples.load();
    private static final Pattern REQUEST_ID = Comparisons.REQUEST_ID;

    @RegisterExtension
    static final Emulator emulator = new Emulator();


    private static IAcsClient client(String accessKeyId, String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", accessKeyId, secret));
    }

    private static CommonRequest request(MethodType method, RequestExample example) {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(method);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain(emulator.url().getAuthority());
        request.setSysVersion("2020-01-01");
        request.setSysAction(example.parameters().get("Action"));
        example.parameters().forEach((name, value) -> {
            if (!name.equals("Action")) request.putQueryParameter(name, value);
        });
        return request;
    }

    private static void assertRefused(String code, IAcsClient client, CommonRequest request) {
        ClientException e = assertThrows(ClientException.class, () -> client.getCommonResponse(request));
        assertAll(
                () -> assertEquals(code, e.getErrCode(), e.getErrMsg()),
                () -> assertTrue(e.getRequestId() != null && REQUEST_ID.matcher(e.getRequestId()).matches(), e.getRequestId()));
        Ledger.exchange("aliyun-java-sdk-core " + code);
    }

    @ParameterizedTest
    @EnumSource(value = MethodType.class, names = {"GET", "POST"})
    void documentedSample_succeeds(MethodType method) throws ClientException {
        IAcsClient client = client(DemoCredentials.DEMO.accessKeyId(), DemoCredentials.DEMO.accessKeySecret());
        CommonResponse response = client.getCommonResponse(request(method, SPEC.request(ProviderContractTest.SAMPLE)));
        assertEquals(200, response.getHttpStatus());
        assertTrue(response.getData().matches("\\{\"HttpStatusCode\":\"200\",\"RequestId\":\"[0-9A-F-]{36}\",\"Success\":true}"),
                response.getData());
        Ledger.exchange("aliyun-java-sdk-core " + method + " " + ProviderContractTest.SAMPLE);
    }

    @ParameterizedTest
    @EnumSource(value = MethodType.class, names = {"GET", "POST"})
    void describeDtsJobDetail_readsTheDocumentsJob_andItsErrorsReachTheSdk(MethodType method) throws ClientException {
        IAcsClient client = client(DemoCredentials.DEMO.accessKeyId(), DemoCredentials.DEMO.accessKeySecret());
        CommonResponse response = client.getCommonResponse(request(method, SPEC.request("DescribeDtsJobDetailDocumentedSample")));
        assertEquals(200, response.getHttpStatus());
        assertTrue(response.getData().startsWith("{\"HttpStatusCode\":200,\"RequestId\":\"")
                && response.getData().contains(",\"DtsJobId\":\"ta7w132u12h****\",") && response.getData().contains(",\"Status\":\"Synchronizing\","),
                response.getData());
        assertRefused("MissingParameter", client, request(method, SPEC.request("DescribeDtsJobDetailMissingDtsJobId")));
        assertRefused("InvalidDtsJobId.NotFound", client, request(method, SPEC.request("DescribeDtsJobDetailNotFound")));
        Ledger.exchange("aliyun-java-sdk-core " + method + " DescribeDtsJobDetailDocumentedSample");
    }

    @ParameterizedTest
    @EnumSource(value = MethodType.class, names = {"GET", "POST"})
    void documentedErrors_reachTheSdkWithTheirCodeAndRequestId(MethodType method) {
        IAcsClient demo = client(DemoCredentials.DEMO.accessKeyId(), DemoCredentials.DEMO.accessKeySecret());
        RequestExample sample = SPEC.request(ProviderContractTest.SAMPLE);
        assertRefused("MissingParameter", demo, request(method, SPEC.request("ModifyDtsJobEndpointMissingEndpoint")));
        assertRefused("InvalidDtsJobId.NotFound", demo, request(method, SPEC.request("ModifyDtsJobEndpointInvalidDtsJobIdNotFound")));
        assertRefused("DTS.Msg.LatencyTooHigh", demo, request(method, SPEC.request("ModifyDtsJobEndpointLatencyTooHigh")));
        assertRefused("NoPermission.Operator", demo, request(method, SPEC.request("ModifyDtsJobEndpointNoPermissionOperator")));
        assertRefused("SignatureDoesNotMatch", client(DemoCredentials.DEMO.accessKeyId(), "wrong-secret"), request(method, sample));
        assertRefused("InvalidAccessKeyId.NotFound", client("LTAI5tUnknownKey", "whatever"), request(method, sample));
        assertRefused("InvalidAccessKeyId.Inactive", client("LTAI5tDemoDisabledKey01", "DisabledSecretForLocalUse0001"), request(method, sample));
        IAcsClient expired = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou"), new StaticCredentialsProvider(
                new BasicSessionCredentials("STS.DemoExpiredKey00001", "ExpiredStsSecretForLocalUse01", "CAISExpiredDemoSecurityToken0001")));
        assertRefused("InvalidSecurityToken.Expired", expired, request(method, sample));
    }
}
