package dev.dtscontract.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The RPC signature (SignatureVersion 1.0, HMAC-SHA1; Alibaba's documents call it V2), security scheme
 * AlibabaCloudRpcSignatureV1 of the spec: {@code METHOD&%2F&} + the RFC 3986 encoding of the sorted, encoded
 * {@code name=value} pairs (Signature left out); HMAC-SHA1 keyed with the secret + "&". The emulator verifies with it
 * and the client, verifier and tools sign with it. It runs on every request the emulator receives, so the string to
 * sign is written once, as bytes, with both rounds of percent-encoding done in one pass, and each thread keeps its own Mac.
 */
public final class RpcSignature {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCODED_SLASH = "&%2F&".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    });

    private RpcSignature() {
    }

    /** HMAC-SHA1(key, METHOD + "&%2F&" + encode(sorted name=value pairs joined by &)), Signature itself left out. */
    public static byte[] compute(String method, Map<String, String> parameters, byte[] signingKey) {
        StringToSign out = stringToSignBytes(method, parameters);
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(signingKey, "HmacSHA1"));
            mac.update(out.bytes, 0, out.length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 refused its key", e);
        }
    }

    /** The Signature parameter of a request: Base64 of {@link #compute} keyed with {@code accessKeySecret + "&"}. */
    public static String sign(String method, Map<String, String> parameters, String accessKeySecret) {
        return java.util.Base64.getEncoder().encodeToString(compute(method, parameters,
                (accessKeySecret + "&").getBytes(StandardCharsets.UTF_8)));
    }

    /** The string to sign, as text: for the SignatureDoesNotMatch message. */
    public static String stringToSign(String method, Map<String, String> parameters) {
        StringToSign out = stringToSignBytes(method, parameters);
        return new String(out.bytes, 0, out.length, StandardCharsets.US_ASCII);
    }

    private static StringToSign stringToSignBytes(String method, Map<String, String> parameters) {
        StringToSign out = new StringToSign();
        out.append(method.getBytes(StandardCharsets.US_ASCII));
        out.append(ENCODED_SLASH);
        boolean first = true;
        for (Map.Entry<String, String> parameter : sorted(parameters).entrySet()) {
            if (parameter.getKey().equals("Signature")) {
                continue;
            }
            if (!first) {
                out.append('%').append('2').append('6'); // "&", encoded by the second round
            }
            first = false;
            out.encodeTwice(parameter.getKey());
            out.append('%').append('3').append('D'); // "="
            out.encodeTwice(parameter.getValue());
        }
        return out;
    }

    private static SortedMap<String, String> sorted(Map<String, String> parameters) {
        return parameters instanceof SortedMap<String, String> sorted && sorted.comparator() == null ? sorted : new TreeMap<>(parameters);
    }

    /** A growable byte buffer for the string to sign. */
    private static final class StringToSign {
        byte[] bytes = new byte[1024];
        int length;

        StringToSign append(char c) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[length++] = (byte) c;
            return this;
        }

        void append(byte[] ascii) {
            for (byte b : ascii) {
                append((char) b);
            }
        }

        /** encode(encode(value)): an unreserved byte stays, any other becomes %25XX ("%" itself encoded). */
        void encodeTwice(String value) {
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if (Rfc3986.unreserved(c)) {
                    append((char) c);
                } else {
                    append('%').append('2').append('5').append((char) HEX[c >> 4]).append((char) HEX[c & 0xF]);
                }
            }
        }
    }
}
