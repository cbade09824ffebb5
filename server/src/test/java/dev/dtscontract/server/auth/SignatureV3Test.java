package dev.dtscontract.server.auth;

import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.signing.SignedRequest;
import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.server.seed.SeedLoader;
import dev.dtscontract.signing.CapturedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Signature V3 verified as Alibaba's current SDKs sign it: every request captured from tea-openapi and
 * @alicloud/openapi-client is accepted (a test vector each), and each way of breaking one is refused with its code.
 */
class SignatureV3Test {

    static final List<String> CAPTURES = CapturedRequest.ALL;
    private static final Accounts ACCOUNTS = SeedLoader.loadDefault().accounts();

    private static RequestAuthenticator authenticator(Instant now) {
        return new RequestAuthenticator(ACCOUNTS, new NonceMemory(RequestAuthenticator.NONCE_WINDOW, 1000, () -> 0L),
                new Throttle(1000, 1000, System::nanoTime), Clock.fixed(now, ZoneOffset.UTC), Set.of("Password"));
    }

    private static AcsRequest request(CapturedRequest c, Map<String, String> headerChanges, byte[] body) {
        Map<String, String> headers = new HashMap<>(c.headers());
        headers.putAll(headerChanges);
        headers.values().removeIf(v -> v == null);
        Function<String, String> header = headers::get;
        return new AcsRequest(c.method(), headers.get("authorization"), header, UrlEncoded.decode(c.rawQuery()).values(), body);
    }

    private static AcsRequest request(CapturedRequest c) {
        return request(c, Map.of(), c.body());
    }

    private static void assertRefused(String code, AcsRequest request, Instant now) {
        RuleViolation v = assertThrows(RuleViolation.class, () -> authenticator(now).authenticateV3(request));
        assertEquals(code, v.code().wire(), v.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CAPTURES")
    void capturedSdkRequest_isTheDemoAccount(String name) {
        CapturedRequest c = CapturedRequest.load(name);
        Caller caller = authenticator(c.signedAt()).authenticateV3(request(c));
        assertAll(
                () -> assertEquals("1507800203001111", caller.accountId().orElseThrow()),
                () -> assertEquals("LTAI5tDemoAccessKey0001", caller.accessKeyId().orElseThrow()));
    }

    @Test
    void wrongSecret_doesNotMatch_andShowsTheServersStringToSign() {
        CapturedRequest c = CapturedRequest.load("java-post-query");
        Accounts wrong = new Accounts(List.of(new AccessKey("LTAI5tDemoAccessKey0001", "1507800203001111", "not-the-secret", true, null, null)), List.of());
        RequestAuthenticator authenticator = new RequestAuthenticator(wrong, new NonceMemory(RequestAuthenticator.NONCE_WINDOW, 10, () -> 0L),
                new Throttle(10, 10, System::nanoTime), Clock.fixed(c.signedAt(), ZoneOffset.UTC), Set.of());
        RuleViolation v = assertThrows(RuleViolation.class, () -> authenticator.authenticateV3(request(c)));
        assertEquals("SignatureDoesNotMatch", v.code().wire());
        // The string to sign of the wire-facts document for this very request.
        assertEquals("Specified signature is not matched with our calculation. server string to sign is "
                + "[ACS3-HMAC-SHA256\nd706ee834012df1ac47ee05a29fd8cfaae0b9c7f094764a5056df19a11e135dd]", v.getMessage());
    }

    @Test
    void bodySwappedUnderAValidSignature_doesNotMatch() {
        CapturedRequest c = CapturedRequest.load("java-post-form");
        byte[] swapped = new String(c.body(), StandardCharsets.UTF_8).replace("DryRun=true", "DryRun=fals").getBytes(StandardCharsets.UTF_8);
        RuleViolation v = assertThrows(RuleViolation.class, () -> authenticator(c.signedAt()).authenticateV3(request(c, Map.of(), swapped)));
        assertEquals("SignatureDoesNotMatch", v.code().wire());
        assertEquals(true, v.getMessage().contains("x-acs-content-sha256 is not the SHA-256 of the body received"), v.getMessage());
    }

    @Test
    void signedHeaderChangedAfterSigning_doesNotMatch() {
        CapturedRequest c = CapturedRequest.load("node-get-query");
        assertRefused("SignatureDoesNotMatch", request(c, Map.of("x-acs-credentials-provider", "static_sts"), c.body()), c.signedAt());
        assertRefused("SignatureDoesNotMatch", request(c, Map.of("host", "127.0.0.1:9999"), c.body()), c.signedAt());
    }

    @Test
    void queryChangedAfterSigning_doesNotMatch() {
        CapturedRequest c = CapturedRequest.load("node-get-query");
        AcsRequest r = request(c);
        Map<String, List<String>> query = new HashMap<>(r.query());
        query.put("DryRun", List.of("false"));
        assertRefused("SignatureDoesNotMatch", new AcsRequest(r.method(), r.authorization(), r.header(), query, r.body()), c.signedAt());
    }

    @Test
    void otherMethodThanSigned_doesNotMatch() {
        CapturedRequest c = CapturedRequest.load("node-post-query");
        AcsRequest r = request(c);
        assertRefused("SignatureDoesNotMatch", new AcsRequest("GET", r.authorization(), r.header(), r.query(), r.body()), c.signedAt());
    }

    @Test
    void requiredHeaderLeftUnsigned_isIncompleteSignature() {
        CapturedRequest c = CapturedRequest.load("node-get-query");
        String unsigned = c.header("authorization").replace("x-acs-date;", "");
        assertRefused("IncompleteSignature", request(c, Map.of("authorization", unsigned), c.body()), c.signedAt());
    }

    @Test
    void signedHeaderMissing_isMissingParameter() {
        CapturedRequest c = CapturedRequest.load("node-get-query");
        Map<String, String> without = new HashMap<>();
        without.put("x-acs-signature-nonce", null);
        assertRefused("MissingParameter", request(c, without, c.body()), c.signedAt());
    }

    @Test
    void malformedAuthorization_isIncompleteSignature() {
        CapturedRequest c = CapturedRequest.load("node-get-query");
        for (String bad : List.of("Bearer abc", "ACS3-HMAC-SHA256 Credential=LTAI5tDemoAccessKey0001", "ACS3-HMAC-SHA1 "
                + c.header("authorization").substring("ACS3-HMAC-SHA256 ".length()), c.header("authorization").replace("Signature=b", "Signature=B"))) {
            assertRefused("IncompleteSignature", request(c, Map.of("authorization", bad), c.body()), c.signedAt());
        }
    }

    @Test
    void replayedNonce_isUsed() {
        CapturedRequest c = CapturedRequest.load("node-get-query");
        RequestAuthenticator authenticator = authenticator(c.signedAt());
        authenticator.authenticateV3(request(c));
        RuleViolation v = assertThrows(RuleViolation.class, () -> authenticator.authenticateV3(request(c)));
        assertEquals("SignatureNonceUsed", v.code().wire());
    }

    @Test
    void dateOverFifteenMinutesAway_isExpired_andNotADate_isFormat() {
        CapturedRequest c = CapturedRequest.load("node-get-query");
        assertRefused("InvalidTimeStamp.Expired", request(c), c.signedAt().plus(Duration.ofMinutes(16)));
        assertRefused("InvalidTimeStamp.Expired", request(c), c.signedAt().minus(Duration.ofMinutes(16)));
        assertRefused("InvalidTimeStamp.Format", request(c, Map.of("x-acs-date", "2026-11-25 01:38:40"), c.body()), c.signedAt());
    }

    @Test
    void unknownAndDisabledKeys_areRefused() {
        CapturedRequest c = CapturedRequest.load("node-get-query");
        assertRefused("InvalidAccessKeyId.NotFound", request(c, Map.of("authorization",
                c.header("authorization").replace("LTAI5tDemoAccessKey0001", "LTAI5tNoSuchKey000001")), c.body()), c.signedAt());
        assertRefused("InvalidAccessKeyId.Inactive", request(c, Map.of("authorization",
                c.header("authorization").replace("LTAI5tDemoAccessKey0001", "LTAI5tDemoDisabledKey01")), c.body()), c.signedAt());
    }

    @Test
    void stsKey_needsItsTokenInTheHeader() {
        Instant now = Instant.parse("2026-11-25T01:38:40Z");
        AccessKey sts = ACCOUNTS.key("STS.DemoTemporaryKey001").orElseThrow();
        SignedRequest signed = SignedRequest.builder().query(Map.of("Endpoint", "src", "EndpointInstanceType", "rds",
                "DtsJobId", "m4312mab158****")).credentials(sts.credentials()).at(now).host("127.0.0.1:8080")
                .nonce("0123456789abcdef0123456789abcdef").v3();
        Map<String, String> headers = new HashMap<>();
        signed.headers().forEach((k, v) -> headers.put(k.toLowerCase(), v));
        AcsRequest ok = new AcsRequest("GET", headers.get("authorization"), headers::get, UrlEncoded.decode(signed.queryString()).values(), new byte[0]);
        assertEquals("1507800203001111", authenticator(now).authenticateV3(ok).accountId().orElseThrow());

        Map<String, String> withoutToken = new HashMap<>(headers);
        withoutToken.remove("x-acs-security-token");
        assertRefused("InvalidSecurityToken.MismatchWithAccessKey", new AcsRequest("GET", headers.get("authorization"),
                withoutToken::get, UrlEncoded.decode(signed.queryString()).values(), new byte[0]), now);
        Map<String, String> otherId = new HashMap<>(headers);
        otherId.put("x-acs-accesskey-id", "STS.SomeoneElse000001");
        assertRefused("IncompleteSignature", new AcsRequest("GET", headers.get("authorization"),
                otherId::get, UrlEncoded.decode(signed.queryString()).values(), new byte[0]), now);
    }
}
