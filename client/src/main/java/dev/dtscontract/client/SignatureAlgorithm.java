package dev.dtscontract.client;

/** How the client signs requests; V3 by default, like Alibaba Cloud's current SDKs. */
public enum SignatureAlgorithm {
    /** Signature V3, ACS3-HMAC-SHA256: Action and Version in x-acs-* headers, the signature in Authorization. */
    V3,
    /**
     * The RPC signature, HMAC-SHA1 over the query (Alibaba's documents call it V2, this project's spec v1): what
     * older SDKs send, and current ones with {@code signatureAlgorithm = "v2"}.
     */
    V2;

    /** "v3" or "v2", in any case. */
    public static SignatureAlgorithm parse(String text) {
        for (SignatureAlgorithm a : values()) {
            if (a.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("dts.client.signature-algorithm must be v3 or v2, not " + text);
    }
}
