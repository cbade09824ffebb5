package dev.dtscontract.server.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * RPC signature version 1 as the server computes it (security scheme AlibabaCloudRpcSignatureV1 of the spec).
 * Deliberately independent of the client's signer: the contract tests hold the two to each other.
 */
public final class RpcSignature {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RpcSignature() {
    }

    /** Base64(HMAC-SHA1(key, METHOD + "&%2F&" + encode(sorted name=value pairs))), Signature itself left out. */
    public static byte[] compute(String method, Map<String, String> parameters, byte[] signingKey) {
        StringJoiner query = new StringJoiner("&");
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (!name.equals("Signature")) {
                query.add(encode(name) + "=" + encode(value));
            }
        });
        String stringToSign = method + "&%2F&" + encode(query.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA1"));
            return mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** RFC 3986 unreserved characters stay; every other UTF-8 byte becomes %XX. */
    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
