package dev.dtscontract.client.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Alibaba Cloud signature V3, ACS3-HMAC-SHA256, as the spec's security scheme AlibabaCloudSignatureV3 describes it:
 * canonical request, its SHA-256 in the string to sign, HMAC-SHA256 with the AccessKey secret.
 */
public final class AcsV3Signer {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();
    /** SHA-256 of the empty body. */
    public static final String EMPTY_PAYLOAD = sha256Hex(new byte[0]);

    private AcsV3Signer() {
    }

    /**
     * The Authorization header value.
     *
     * @param query   the query parameters (not encoded); encoded and sorted here as the canonical query
     * @param headers the headers to sign, by name (lower-cased and sorted here)
     */
    public static String authorization(String method, Map<String, String> query, Map<String, String> headers,
                                       String payloadHash, String accessKeyId, String accessKeySecret) {
        SortedMap<String, String> signed = lowerCased(headers);
        String signature = hmacSha256Hex(accessKeySecret, stringToSign(canonicalRequest(method, query, signed, payloadHash)));
        return ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + String.join(";", signed.keySet())
                + ",Signature=" + signature;
    }

    /** METHOD \n / \n canonical query \n name:value lines \n signed names \n payload hash. */
    public static String canonicalRequest(String method, Map<String, String> query, Map<String, String> headers, String payloadHash) {
        SortedMap<String, String> signed = lowerCased(headers);
        StringBuilder out = new StringBuilder(method).append("\n/\n").append(RpcSigner.canonicalQuery(query)).append('\n');
        signed.forEach((name, value) -> out.append(name).append(':').append(value.trim()).append('\n'));
        return out.append('\n').append(String.join(";", signed.keySet())).append('\n').append(payloadHash).toString();
    }

    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String hmacSha256Hex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static SortedMap<String, String> lowerCased(Map<String, String> headers) {
        SortedMap<String, String> out = new TreeMap<>();
        headers.forEach((name, value) -> out.put(name.toLowerCase(java.util.Locale.ROOT), value));
        return out;
    }
}
