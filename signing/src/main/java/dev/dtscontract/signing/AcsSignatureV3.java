package dev.dtscontract.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Signature V3, ACS3-HMAC-SHA256 (security scheme AlibabaCloudSignatureV3 of the spec): the canonical request of
 * method, `/`, the canonical query (decoded then RFC 3986 re-encoded, sorted by name then value), the signed headers
 * (lower-case names, sorted, trimmed values) and the payload hash; its SHA-256 in the string to sign; HMAC-SHA256 with
 * the AccessKey secret itself. The emulator verifies with it; {@link SignedRequest} signs with it. Its test vectors
 * are requests captured from Alibaba's SDKs.
 */
public final class AcsSignatureV3 {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private static final HexFormat HEX = HexFormat.of();
    // Per request: each event-loop thread keeps its own digest and Mac, as RpcSignature does (getInstance is costly).
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });
    /** The hash of an empty payload, what a GET or a POST with the parameters in the query signs. */
    public static final String EMPTY_PAYLOAD_HASH = HEX.formatHex(SHA256.get().digest(new byte[0]));

    private AcsSignatureV3() {
    }

    /** The parts of an {@code Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…} header. */
    public record Authorization(String accessKeyId, List<String> signedHeaders, byte[] signature) {

        /**
         * Empty when the header is not a well-formed V3 authorization: after trimming, exactly
         * {@code ACS3-HMAC-SHA256 Credential=<id>,[ ]SignedHeaders=<names>,[ ]Signature=<64 lower-case hex digits>},
         * the id without a comma or whitespace, the names of {@code a-z 0-9 ; -}. Read by hand, once per V3 request: the
         * regular expression it replaces was about 7% of the event loops' samples under the benchmark's V3 load (#28, JFR).
         */
        public static Optional<Authorization> parse(String header) {
            String h = header.trim();
            if (!h.startsWith(CREDENTIAL)) {
                return Optional.empty();
            }
            int idStart = CREDENTIAL.length();
            int idEnd = h.indexOf(',', idStart);
            if (idEnd <= idStart || !none(h, idStart, idEnd, AcsSignatureV3::isRegexWhitespace)) {
                return Optional.empty();
            }
            int namesStart = after(h, idEnd + 1, SIGNED_HEADERS);
            int namesEnd = namesStart < 0 ? -1 : h.indexOf(',', namesStart);
            if (namesEnd <= namesStart || !none(h, namesStart, namesEnd, c -> !isHeaderNameChar(c))) {
                return Optional.empty();
            }
            int signatureStart = after(h, namesEnd + 1, SIGNATURE);
            if (signatureStart < 0 || h.length() - signatureStart != 64
                    || !none(h, signatureStart, h.length(), c -> !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f'))) {
                return Optional.empty();
            }
            List<String> names = List.of(h.substring(namesStart, namesEnd).split(";"));
            return Optional.of(new Authorization(h.substring(idStart, idEnd), names, HEX.parseHex(h, signatureStart, h.length())));
        }

        /** Where the text after {@code label} starts, the label at {@code from} or after one space there; -1 if not. */
        private static int after(String h, int from, String label) {
            int at = from < h.length() && h.charAt(from) == ' ' ? from + 1 : from;
            return h.startsWith(label, at) ? at + label.length() : -1;
        }

        private static boolean none(String h, int from, int to, java.util.function.IntPredicate refused) {
            for (int i = from; i < to; i++) {
                if (refused.test(h.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final String CREDENTIAL = ALGORITHM + " Credential=";
    private static final String SIGNED_HEADERS = "SignedHeaders=";
    private static final String SIGNATURE = "Signature=";

    /** What {@code \s} matches in a Java regular expression (without UNICODE_CHARACTER_CLASS). */
    private static boolean isRegexWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isHeaderNameChar(int c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ';' || c == '-';
    }

    /** Every query parameter, name and value re-encoded, sorted by name then value, joined as name=value with &. */
    public static String canonicalQuery(Map<String, List<String>> query) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(query).forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            sorted.forEach(value -> pairs.add(Rfc3986.encode(name) + "=" + Rfc3986.encode(value)));
        });
        return String.join("&", pairs);
    }

    /**
     * The canonical request. {@code header} gives a received header's value by lower-case name (null if absent);
     * the names are the ones the client signed, sorted here.
     */
    public static String canonicalRequest(String method, String canonicalQuery, List<String> signedHeaders,
                                          Function<String, String> header, String payloadHash) {
        List<String> names = new ArrayList<>(signedHeaders);
        names.sort(null);
        StringBuilder out = new StringBuilder(512).append(method).append('\n').append("/\n").append(canonicalQuery).append('\n');
        for (String name : names) {
            String value = header.apply(name);
            out.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        return out.append('\n').append(String.join(";", names)).append('\n').append(payloadHash).toString();
    }

    /** The canonical query of parameters given once each (not encoded). */
    public static String canonicalQueryOf(Map<String, String> query) {
        Map<String, List<String>> values = new TreeMap<>();
        query.forEach((name, value) -> values.put(name, List.of(value)));
        return canonicalQuery(values);
    }

    /**
     * The Authorization header of a request: {@code headers} are the headers to sign by lower-case name (all of them:
     * Alibaba's SDKs sign every header they send but Authorization), the query its parameters (not encoded).
     */
    public static String authorization(String method, Map<String, String> query, Map<String, String> headers, String payloadHash,
                                       String accessKeyId, String accessKeySecret) {
        List<String> names = new ArrayList<>(headers.keySet());
        names.sort(null);
        String stringToSign = stringToSign(canonicalRequest(method, canonicalQueryOf(query), names, headers::get, payloadHash));
        String signature = HEX.formatHex(sign(accessKeySecret.getBytes(StandardCharsets.UTF_8), stringToSign));
        return ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + String.join(";", names) + ",Signature=" + signature;
    }

    /** "ACS3-HMAC-SHA256\n" + lower-case hex SHA-256 of the canonical request. */
    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] data) {
        if (data.length == 0) {
            return EMPTY_PAYLOAD_HASH;
        }
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(data));
    }

    /** HMAC-SHA256(secret, string to sign); the secret's bytes are zeroed afterwards. */
    public static byte[] sign(byte[] secret, String stringToSign) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
            Arrays.fill(secret, (byte) 0);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
