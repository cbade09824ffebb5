package dev.dtscontract.server.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RpcSignatureTest {

    @Test
    void publishedExample_signsToThePublishedSignature() {
        Map<String, String> parameters = Map.of("AccessKeyId", "testid", "Action", "DescribeRegions", "Format", "XML",
                "SignatureMethod", "HMAC-SHA1", "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0", "Timestamp", "2016-02-23T12:46:24Z", "Version", "2014-05-26");
        byte[] mac = RpcSignature.compute("GET", parameters, "testsecret&".getBytes(StandardCharsets.UTF_8));
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", Base64.getEncoder().encodeToString(mac));
    }

    @Test
    void encoding_followsRfc3986() {
        assertEquals("a%20b%2A~%2F%E6%9D%AD", RpcSignature.encode("a b*~/杭"));
    }
}
