package dev.dtscontract.client.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Alibaba Cloud RPC signature, version 1 (HMAC-SHA1), as the spec's security scheme
 * AlibabaCloudRpcSignatureV1 describes it.
 */
public final class RpcSigner {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RpcSigner() {
    }

    /** The Signature of a request: its method and every parameter except Signature. */
    public static String sign(String method, Map<String, String> parameters, String accessKeySecret) {
        return hmacSha1(accessKeySecret + "&", stringToSign(method, parameters));
    }

    /** METHOD + "&%2F&" + percentEncode(canonicalized query). */
    public static String stringToSign(String method, Map<String, String> parameters) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
    }

    /** The parameters sorted by name, each name and value percent-encoded, joined as name=value with &. */
    public static String canonicalQuery(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (!name.equals("Signature")) {
                query.add(percentEncode(name) + "=" + percentEncode(value));
            }
        });
        return query.toString();
    }

    /** RFC 3986 percent-encoding in UTF-8: only A-Z a-z 0-9 - _ . ~ stay as they are. */
    public static String percentEncode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static String hmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
