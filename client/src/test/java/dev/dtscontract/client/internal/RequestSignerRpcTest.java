package dev.dtscontract.client.internal;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.SignatureAlgorithm;
import dev.dtscontract.signing.RpcSignature;
import dev.dtscontract.signing.UrlEncoded;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The RPC signature of the client's filter: its own common parameters, whatever the request carried, and a Signature over them. */
class RequestSignerRpcTest {

    private static final Credentials STS = Credentials.sts("STS.DemoTemporaryKey001", "sts-secret", "token-1");

    @Test
    void staleCommonParameters_areReplaced_andTheOperationsOwnKept() {
        RequestSigner filter = new RequestSigner(() -> STS, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC),
                () -> "nonce-9", SignatureAlgorithm.V2);
        Map<String, String> sent = new TreeMap<>(Map.of("Action", "ModifyDtsJobEndpoint", "Version", "2020-01-01", "Format", "XML",
                "Endpoint", "src", "Signature", "stale", "AccessKeyId", "someone-else", "Timestamp", "2016-01-01T00:00:00Z",
                "SignatureNonce", "old", "SecurityToken", "old-token", "SignatureMethod", "HMAC-MD5"));
        URI signed = filter.signedUri("GET", URI.create("http://127.0.0.1:8080/"), sent);
        Map<String, String> query = new TreeMap<>(UrlEncoded.decode(signed.getRawQuery()).single());
        assertEquals("ModifyDtsJobEndpoint", query.get("Action"));
        assertEquals("2020-01-01", query.get("Version"));
        assertEquals("XML", query.get("Format"));
        assertEquals("src", query.get("Endpoint"));
        assertEquals("STS.DemoTemporaryKey001", query.get("AccessKeyId"));
        assertEquals("2026-11-28T10:00:00Z", query.get("Timestamp"));
        assertEquals("nonce-9", query.get("SignatureNonce"));
        assertEquals("token-1", query.get("SecurityToken"));
        assertEquals("HMAC-SHA1", query.get("SignatureMethod"));
        assertEquals("1.0", query.get("SignatureVersion"));
        assertEquals(RpcSignature.sign("GET", query, "sts-secret"), query.get("Signature"));
    }

    @Test
    void aRequestWithoutAFormat_isSignedAsJson() {
        RequestSigner filter = new RequestSigner(() -> STS, Clock.systemUTC(), () -> "n", SignatureAlgorithm.V2);
        URI signed = filter.signedUri("GET", URI.create("http://h/"), Map.of("Action", "ModifyDtsJobEndpoint"));
        assertEquals("JSON", UrlEncoded.decode(signed.getRawQuery()).single().get("Format"));
    }
}
