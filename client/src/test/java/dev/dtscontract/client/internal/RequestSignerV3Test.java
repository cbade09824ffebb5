package dev.dtscontract.client.internal;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.SignatureAlgorithm;
import dev.dtscontract.signing.AcsSignatureV3;
import dev.dtscontract.signing.CapturedRequest;
import dev.dtscontract.signing.SignedRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The client's filter signs V3 as Alibaba's SDKs do: the headers, no RPC common parameters, the query it signed. */
class RequestSignerV3Test {

    private static final String SECRET = "DemoSecretForLocalUseOnly0001";
    private static final String EMPTY_PAYLOAD = AcsSignatureV3.EMPTY_PAYLOAD_HASH;

    @Test
    void filter_signsV3ByDefaultWithTheHeadersAndNoRpcCommonParameters() {
        CapturedRequest c = CapturedRequest.load("node-get-query");
        RequestSigner filter = new RequestSigner(() -> Credentials.of("LTAI5tDemoAccessKey0001", SECRET),
                Clock.fixed(c.signedAt(), ZoneOffset.UTC), () -> c.header("x-acs-signature-nonce"), SignatureAlgorithm.V3);
        Map<String, String> parameters = new LinkedHashMap<>(c.queryParameters());
        parameters.put("Action", "ModifyDtsJobEndpoint");
        parameters.put("Version", "2020-01-01");
        parameters.put("Format", "JSON");
        // Every common parameter of the RPC signature a caller might have set: none of them travels with V3.
        SignedRequest.RPC_COMMON.forEach(name -> parameters.put(name, "stale-" + name));
        RequestSigner.SignedV3 signed = filter.signV3("GET", URI.create("http://127.0.0.1:18702/?x=1"), parameters);
        String query = signed.uri().getRawQuery();
        assertAll(
                () -> assertEquals("127.0.0.1:18702", signed.headers().get("host")),
                () -> assertEquals("ModifyDtsJobEndpoint", signed.headers().get("x-acs-action")),
                () -> assertEquals("2020-01-01", signed.headers().get("x-acs-version")),
                () -> assertEquals("2026-11-25T01:38:40Z", signed.headers().get("x-acs-date")),
                () -> assertEquals(c.header("x-acs-signature-nonce"), signed.headers().get("x-acs-signature-nonce")),
                () -> assertEquals(EMPTY_PAYLOAD, signed.headers().get("x-acs-content-sha256")),
                () -> assertEquals(AcsSignatureV3.authorization("GET", c.queryParameters(), Map.of("host", "127.0.0.1:18702",
                        "x-acs-action", "ModifyDtsJobEndpoint", "x-acs-version", "2020-01-01", "x-acs-date", "2026-11-25T01:38:40Z",
                        "x-acs-signature-nonce", c.header("x-acs-signature-nonce"), "x-acs-content-sha256", EMPTY_PAYLOAD),
                        EMPTY_PAYLOAD, "LTAI5tDemoAccessKey0001", SECRET), signed.headers().get("Authorization")),
                () -> assertEquals("DryRun=true&DtsInstanceId=dtsaw012y2g15q%2A%2A%2A%2A&Endpoint=src&EndpointInstanceId="
                        + "rm-bp10k50h8374w%2A%2A%2A%2A&EndpointInstanceType=rds&Password=DTStest1234&RegionId=cn-hangzhou"
                        + "&SynchronizationDirection=Forward&Username=dtstest", query),
                () -> List.of("Action=", "Version=", "Format=", "Signature", "AccessKeyId", "Timestamp", "SecurityToken", "stale-")
                        .forEach(p -> assertFalse(query.contains(p), p + " in " + query)));
    }

    @Test
    void filter_stsCredentials_addTheKeyIdAndTokenHeaders() {
        RequestSigner filter = new RequestSigner(() -> Credentials.sts("STS.DemoTemporaryKey001", "s", "token-1"),
                Clock.systemUTC(), () -> "n", SignatureAlgorithm.V3);
        RequestSigner.SignedV3 signed = filter.signV3("GET", URI.create("https://dts.aliyuncs.com/"), Map.of("Endpoint", "src"));
        assertAll(
                () -> assertEquals("dts.aliyuncs.com", signed.headers().get("host")),
                () -> assertEquals("STS.DemoTemporaryKey001", signed.headers().get("x-acs-accesskey-id")),
                () -> assertEquals("token-1", signed.headers().get("x-acs-security-token")),
                () -> assertEquals(true, signed.headers().get("Authorization").contains(
                        "SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;"
                                + "x-acs-signature-nonce;x-acs-version,")));
    }

    @Test
    void xmlFormat_staysInTheQuery() {
        RequestSigner filter = new RequestSigner(() -> Credentials.of("id", "s"), Clock.systemUTC(), () -> "n", SignatureAlgorithm.V3);
        assertEquals("Endpoint=src&Format=XML", filter.signV3("GET", URI.create("http://h/"), Map.of("Endpoint", "src", "Format", "XML"))
                .uri().getRawQuery());
    }
}
