package dev.dtscontract.signing;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The RPC signature's canonical form, rule by rule, and the published example. */
class RpcSignerVectorsTest {

    @Test
    void publishedExample_signsToThePublishedSignature() {
        Map<String, String> parameters = new TreeMap<>(Map.of(
                "AccessKeyId", "testid",
                "Action", "DescribeRegions",
                "Format", "XML",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0",
                "Timestamp", "2016-02-23T12:46:24Z",
                "Version", "2014-05-26"));
        assertEquals("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
                + "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
                RpcSignature.stringToSign("GET", parameters));
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", RpcSignature.sign("GET", parameters, "testsecret"));
    }

    @Test
    void space_isPercent20() {
        assertEquals("a%20b", Rfc3986.encode("a b"));
    }

    @Test
    void star_isPercent2A() {
        assertEquals("dtsaw012y2g15q%2A%2A%2A%2A", Rfc3986.encode("dtsaw012y2g15q****"));
    }

    @Test
    void tilde_staysAsItIs() {
        assertEquals("a~b", Rfc3986.encode("a~b"));
    }

    @Test
    void slash_isPercent2F() {
        assertEquals("%2F", Rfc3986.encode("/"));
    }

    @Test
    void nonAscii_isUtf8PercentEncoded() {
        assertEquals("%E6%9D%AD%E5%B7%9E", Rfc3986.encode("杭州"));
    }

    @Test
    void plusAndEquals_areEncoded() {
        assertEquals("a%2Bb%3Dc%26", Rfc3986.encode("a+b=c&"));
    }

    @Test
    void emptyValue_staysInTheStringToSign() {
        assertEquals("GET&%2F&A%3D%26B%3Dx", RpcSignature.stringToSign("GET", Map.of("B", "x", "A", "")));
    }

    @Test
    void parameters_areSortedByNameAndSignatureIsLeftOut() {
        assertEquals("GET&%2F&Action%3DX%26b%3D2%26c%3D3",
                RpcSignature.stringToSign("GET", Map.of("c", "3", "Action", "X", "b", "2", "Signature", "s")));
    }

    @Test
    void postMethod_changesTheSignature() {
        Map<String, String> p = Map.of("Action", "ModifyDtsJobEndpoint");
        assertEquals("POST&%2F&Action%3DModifyDtsJobEndpoint", RpcSignature.stringToSign("POST", p));
    }
}
