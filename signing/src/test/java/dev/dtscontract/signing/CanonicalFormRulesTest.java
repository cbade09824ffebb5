package dev.dtscontract.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of the canonical forms, one vector each: what a signer that gets the rule wrong would produce differs from
 * what Alibaba's SDKs sign (java.net.URLEncoder, for one, writes a space as '+', keeps '*' and encodes '~').
 */
class CanonicalFormRulesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // every reserved character of RFC 3986: gen-delims, then sub-delims
            ": | %3A", "/ | %2F", "? | %3F", "# | %23", "[ | %5B", "] | %5D", "@ | %40",
            "! | %21", "$ | %24", "& | %26", "' | %27", "( | %28", ") | %29", "* | %2A", "+ | %2B", ", | %2C", "; | %3B", "= | %3D",
            // '%' itself, the space, and the unreserved characters that stay
            "% | %25", "\" \" | %20", "~ | ~", "- | -", "_ | _", ". | .", "aZ09 | aZ09",
            // non-ASCII: UTF-8 bytes, upper-case hex; a character outside the BMP is four bytes
            "é | %C3%A9", "杭州 | %E6%9D%AD%E5%B7%9E", "😀 | %F0%9F%98%80",
    })
    void everyCharacter_isEncodedAsRfc3986Says(String raw, String encoded) {
        assertEquals(encoded, Rfc3986.encode(raw));
    }

    @Test
    void rpc_theStringToSignEncodesTheCanonicalQueryASecondTime() {
        assertEquals("GET&%2F&A%3Da%2520b%252A~", RpcSignature.stringToSign("GET", Map.of("A", "a b*~")));
    }

    @Test
    void rpc_pairsAreSortedByName_inCodeOrder_upperCaseFirst() {
        assertEquals("GET&%2F&B%3D1%26a%3D2", RpcSignature.stringToSign("GET", Map.of("a", "2", "B", "1")));
    }

    @Test
    void rpc_theMethodIsSigned() {
        assertNotEquals(RpcSignature.sign("GET", Map.of("A", "1"), "s"), RpcSignature.sign("POST", Map.of("A", "1"), "s"));
    }

    @Test
    void v3_repeatedKeys_areSortedByNameThenValue_eachEncoded() {
        Map<String, List<String>> query = new TreeMap<>(Map.of("b", List.of("2", "1 x"), "a", List.of("z*")));
        assertEquals("a=z%2A&b=1%20x&b=2", AcsSignatureV3.canonicalQuery(query));
    }

    @Test
    void v3_anEmptyValue_keepsItsEqualsSign() {
        assertEquals("A=&B=x", AcsSignatureV3.canonicalQueryOf(Map.of("B", "x", "A", "")));
    }

    @Test
    void v3_signedHeaders_areSortedAndTheirValuesTrimmed_aMissingOneIsEmpty() {
        Map<String, String> headers = Map.of("x-acs-date", "  2026-01-01T00:00:00Z ", "host", "h");
        String canonical = AcsSignatureV3.canonicalRequest("GET", "", List.of("x-acs-date", "x-acs-nothing", "host"), headers::get,
                AcsSignatureV3.EMPTY_PAYLOAD_HASH);
        assertEquals("GET\n/\n\nhost:h\nx-acs-date:2026-01-01T00:00:00Z\nx-acs-nothing:\n\nhost;x-acs-date;x-acs-nothing\n"
                + AcsSignatureV3.EMPTY_PAYLOAD_HASH, canonical);
    }

    @Test
    void v3_theAuthorizationNamesEverySignedHeader_sorted() {
        String authorization = AcsSignatureV3.authorization("GET", Map.of(), new TreeMap<>(Map.of("x-acs-version", "v", "host", "h")),
                AcsSignatureV3.EMPTY_PAYLOAD_HASH, "id", "s");
        assertTrue(authorization.startsWith("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;x-acs-version,Signature="), authorization);
        assertEquals(64, authorization.substring(authorization.indexOf("Signature=") + 10).length());
    }

    @Test
    void v3_aWellFormedAuthorization_parses_andAnythingElseDoesNot() {
        String signature = "0".repeat(64);
        assertEquals("id", AcsSignatureV3.Authorization.parse("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=" + signature)
                .orElseThrow().accessKeyId());
        assertTrue(AcsSignatureV3.Authorization.parse("ACS3-HMAC-SHA1 Credential=id,SignedHeaders=host,Signature=" + signature).isEmpty());
        assertTrue(AcsSignatureV3.Authorization.parse("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=Host,Signature=" + signature).isEmpty(),
                "signed header names are lower case");
        assertTrue(AcsSignatureV3.Authorization.parse("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=" + signature.substring(1))
                .isEmpty(), "a signature is 64 hex digits");
    }

    /** The regular expression the hand-written parser replaced (#28), kept here as the reference it must agree with. */
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
            "ACS3-HMAC-SHA256 Credential=([^,\\s]+), ?SignedHeaders=([a-z0-9;\\-]+), ?Signature=([0-9a-f]{64})");

    @Test
    void v3_theAuthorizationParser_agreesWithTheRegularExpressionItReplaced_onEveryVariation() {
        String hex = "0123456789abcdef".repeat(4);
        List<String> ids = List.of("id", "LTAI5t*x", "", "a b", "a\tb", "a\u000Bb", "a,b", "k\u00a0y", "LTAI=5");
        List<String> separators = List.of(",", ", ", ",  ", " ,", ";", "");
        List<String> names = List.of("host", "host;x-acs-date", "host;", ";host", ";;", "", "Host", "x_acs", "host;x-acs-content-sha256");
        List<String> signatures = List.of(hex, hex.substring(1), hex + "0", hex.toUpperCase(), hex.substring(1) + "g", "");
        List<String> prefixes = List.of("ACS3-HMAC-SHA256 Credential=", "ACS3-HMAC-SHA1 Credential=", "ACS3-HMAC-SHA256  Credential=",
                " ACS3-HMAC-SHA256 Credential=", "acs3-hmac-sha256 Credential=");
        int checked = 0;
        for (String prefix : prefixes) {
            for (String id : ids) {
                for (String first : separators) {
                    for (String name : names) {
                        for (String second : separators) {
                            for (String signature : signatures) {
                                for (String tail : List.of("", " ", "\n", "x")) {
                                    String header = prefix + id + first + "SignedHeaders=" + name + second + "Signature=" + signature + tail;
                                    java.util.regex.Matcher m = REFERENCE.matcher(header.trim());
                                    Optional<AcsSignatureV3.Authorization> parsed = AcsSignatureV3.Authorization.parse(header);
                                    assertEquals(m.matches(), parsed.isPresent(), header);
                                    if (parsed.isPresent()) {
                                        assertEquals(m.group(1), parsed.get().accessKeyId(), header);
                                        assertEquals(List.of(m.group(2).split(";")), parsed.get().signedHeaders(), header);
                                        assertEquals(m.group(3), java.util.HexFormat.of().formatHex(parsed.get().signature()), header);
                                    }
                                    checked++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(5 * 9 * 6 * 9 * 6 * 6 * 4, checked);
    }
}
