package dev.dtscontract.signing;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed requests built by name, checked against the canonical forms and an HMAC computed here. */
class SignedRequestTest {

    private static final Credentials DEMO = Credentials.of("LTAI5tDemoAccessKey0001", "DemoSecretForLocalUseOnly0001");
    private static final Credentials STS = Credentials.sts("STS.DemoTemporaryKey001", "DemoStsSecret0001", "DemoToken/+=*");
    private static final Instant NOW = Instant.parse("2026-11-28T03:04:05.678Z");
    private static final Map<String, String> SAMPLE = Map.of("Action", "ModifyDtsJobEndpoint", "DtsInstanceId", "dtsaw012y2g15q****",
            "Endpoint", "src", "Username", "dts test", "DryRun", "true");

    @Test
    void v3_movesActionAndVersionToHeaders_andSignsWhatIsSent() throws Exception {
        SignedRequest r = SignedRequest.builder().method("GET").query(SAMPLE).credentials(DEMO).at(NOW).nonce("0123456789abcdef0123456789abcdef")
                .host("127.0.0.1:8080").v3();
        assertFalse(r.query().containsKey("Action"));
        assertEquals("DryRun=true&DtsInstanceId=dtsaw012y2g15q%2A%2A%2A%2A&Endpoint=src&Username=dts%20test", r.queryString());
        assertEquals("ModifyDtsJobEndpoint", r.headers().get("x-acs-action"));
        assertEquals("2020-01-01", r.headers().get("x-acs-version"));
        assertEquals("2026-11-28T03:04:05Z", r.headers().get("x-acs-date"));
        assertEquals("0123456789abcdef0123456789abcdef", r.headers().get("x-acs-signature-nonce"));
        assertEquals(AcsSignatureV3.sha256Hex(new byte[0]), r.headers().get("x-acs-content-sha256"));
        assertTrue(r.headers().get("authorization").contains(",SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;"
                + "x-acs-signature-nonce;x-acs-version,"), r.headers().get("authorization"));
        assertEquals(expectedV3(r, DEMO.accessKeySecret(), new byte[0]), r.headers().get("authorization"));
    }

    @Test
    void v3_withAFormBody_signsItsHashAndContentType_andCarriesSts() throws Exception {
        SignedRequest r = SignedRequest.builder().method("POST").form(SAMPLE).credentials(STS).at(NOW).nonce("n0").host("dts.example.com").v3();
        byte[] body = r.formBody().getBytes(StandardCharsets.UTF_8);
        assertEquals("DryRun=true&DtsInstanceId=dtsaw012y2g15q%2A%2A%2A%2A&Endpoint=src&Username=dts%20test", r.formBody());
        assertEquals(AcsSignatureV3.sha256Hex(body), r.headers().get("x-acs-content-sha256"));
        assertEquals(SignedRequest.FORM, r.headers().get("content-type"));
        assertEquals("STS.DemoTemporaryKey001", r.headers().get("x-acs-accesskey-id"));
        assertEquals("DemoToken/+=*", r.headers().get("x-acs-security-token"));
        assertTrue(r.headers().get("authorization").contains("SignedHeaders=content-type;host;x-acs-accesskey-id;x-acs-action;"
                + "x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,"));
        assertEquals(expectedV3(r, STS.accessKeySecret(), body), r.headers().get("authorization"));
    }

    @Test
    void rpc_addsTheCommonParametersWhereTheRequestsOwnAre_andKeepsAGivenTimestamp() {
        Map<String, String> withTimestamp = new TreeMap<>(SAMPLE);
        withTimestamp.put("Timestamp", "2016-02-23 12:46:24");
        SignedRequest inQuery = SignedRequest.builder().query(withTimestamp).credentials(DEMO).at(NOW).nonce("nonce-1").rpc();
        assertEquals("2016-02-23 12:46:24", inQuery.query().get("Timestamp"));
        assertEquals("2020-01-01", inQuery.query().get("Version"));
        assertEquals("nonce-1", inQuery.query().get("SignatureNonce"));
        assertEquals(expectedRpc("GET", inQuery.query(), DEMO.accessKeySecret()), inQuery.query().get("Signature"));
        assertEquals(Map.of(), inQuery.form());

        SignedRequest inForm = SignedRequest.builder().method("POST").query(Map.of("RegionId", "cn-hangzhou")).form(SAMPLE).credentials(STS).at(NOW)
                .nonce("nonce-2").rpc();
        assertEquals(Map.of("RegionId", "cn-hangzhou"), inForm.query());
        assertEquals("2026-11-28T03:04:05Z", inForm.form().get("Timestamp"));
        assertEquals("DemoToken/+=*", inForm.form().get("SecurityToken"));
        Map<String, String> all = new TreeMap<>(inForm.form());
        all.putAll(inForm.query());
        assertEquals(expectedRpc("POST", all, STS.accessKeySecret()), inForm.form().get("Signature"));
        assertEquals(SignedRequest.FORM, inForm.headers().get("content-type"));
    }

    @Test
    void onlyTheRpcCommonParameters_makeARequestAboutTheRpcSignature() {
        assertTrue(SignedRequest.setsRpcCommonParameter(Map.of("Timestamp", "x")));
        assertTrue(SignedRequest.setsRpcCommonParameter(Map.of("SignatureNonce", "x")));
        assertFalse(SignedRequest.setsRpcCommonParameter(SAMPLE));
    }

    private static String expectedV3(SignedRequest r, String secret, byte[] body) throws Exception {
        String names = r.headers().get("authorization").replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        Map<String, List<String>> query = new TreeMap<>();
        r.query().forEach((k, v) -> query.put(k, List.of(v)));
        String canonical = AcsSignatureV3.canonicalRequest(r.method(), AcsSignatureV3.canonicalQuery(query), List.of(names.split(";")),
                r.headers()::get, AcsSignatureV3.sha256Hex(body));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "ACS3-HMAC-SHA256 Credential=" + r.headers().getOrDefault("x-acs-accesskey-id", DEMO.accessKeyId()) + ",SignedHeaders="
                + names + ",Signature=" + HexFormat.of().formatHex(mac.doFinal(AcsSignatureV3.stringToSign(canonical).getBytes(StandardCharsets.UTF_8)));
    }

    private static String expectedRpc(String method, Map<String, String> sent, String secret) {
        Map<String, String> signed = new TreeMap<>(sent);
        signed.remove("Signature");
        return Base64.getEncoder().encodeToString(RpcSignature.compute(method, signed, (secret + "&").getBytes(StandardCharsets.UTF_8)));
    }
}
