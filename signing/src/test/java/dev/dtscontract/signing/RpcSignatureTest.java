package dev.dtscontract.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void reservedAndNonAsciiCharacters_signAsTheirEncodingEncodedAgain() throws Exception {
        Map<String, String> parameters = new TreeMap<>(Map.of("A b", "x=y&z", "Password", "p@ss word*~/%杭", "Empty", ""));
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(Rfc3986.encode(name) + "=" + Rfc3986.encode(value)));
        String stringToSign = "POST&%2F&" + Rfc3986.encode(query.toString());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("secret&".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] expected = mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));

        assertArrayEquals(expected, RpcSignature.compute("POST", parameters, "secret&".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(expected, RpcSignature.compute("POST", new HashMap<>(parameters), "secret&".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void encoding_followsRfc3986() {
        assertEquals("a%20b%2A~%2F%E6%9D%AD", Rfc3986.encode("a b*~/杭"));
    }
}
