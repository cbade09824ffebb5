package dev.dtscontract.server.auth;

import dev.dtscontract.server.tools.SignRequest;
import dev.dtscontract.signing.RpcSignature;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.server.seed.SeedLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each authentication error of R-SIGNATURE and R-THROTTLING, with its code and the status the spec gives it. */
class RequestAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Accounts ACCOUNTS = SeedLoader.loadDefault().accounts();
    private static final SpecContract SPEC = SpecContract.load();

    private final AtomicLong nanos = new AtomicLong();
    private final LongSupplier ticker = nanos::get;
    private RequestAuthenticator authenticator = authenticator(new Throttle(1000, 1000, ticker));

    private RequestAuthenticator authenticator(Throttle throttle) {
        return new RequestAuthenticator(ACCOUNTS, new NonceMemory(RequestAuthenticator.WINDOW, 10_000, ticker), throttle,
                Clock.fixed(NOW, ZoneOffset.UTC), java.util.Set.of("Password", "ShardPassword", "SecurityToken"));
    }

    /** A correctly signed request by {@code key}, signed at {@code signedAt}. */
    private static Map<String, String> signed(AccessKey key, Instant signedAt) {
        return TestSigner.decode(SignRequest.sign("GET",
                "Action=ModifyDtsJobEndpoint&DtsJobId=m4312mab158%2A%2A%2A%2A&Endpoint=src&EndpointInstanceType=rds", key, signedAt));
    }

    private void assertRefused(String code, int status, Map<String, String> request) {
        RuleViolation v = assertThrows(RuleViolation.class, () -> authenticator.authenticate("GET", request));
        assertAll(
                () -> assertEquals(code, v.code().wire(), v.getMessage()),
                () -> assertEquals(status, SPEC.statusOf(code).orElseThrow(), "status in the spec's catalogue"));
    }

    @Test
    void correctlySignedRequest_identifiesTheAccount() {
        assertEquals(Caller.of("1507800203001111", "LTAI5tDemoAccessKey0001"), authenticator.authenticate("GET", signed(TestSigner.DEMO, NOW)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Version"})
    void missingCommonParameter_isMissingParameterNamingIt(String name) {
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        request.remove(name);
        RuleViolation v = assertThrows(RuleViolation.class, () -> authenticator.authenticate("GET", request));
        assertEquals("MissingParameter", v.code().wire());
        assertEquals("The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.", v.getMessage());
    }

    @Test
    void signatureThatIsNotAnHmac_isIncompleteSignature() {
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        request.put("Signature", "not-base64!");
        assertRefused("IncompleteSignature", 400, request);
    }

    @Test
    void timestampOverFifteenMinutesAhead_isExpired() {
        assertRefused("InvalidTimeStamp.Expired", 400, signed(TestSigner.DEMO, NOW.plus(Duration.ofMinutes(16))));
    }

    @Test
    void timestampOverFifteenMinutesBehind_isExpired() {
        assertRefused("InvalidTimeStamp.Expired", 400, signed(TestSigner.DEMO, NOW.minus(Duration.ofMinutes(16))));
    }

    @Test
    void timestampWithinFifteenMinutesEitherWay_isAccepted() {
        authenticator.authenticate("GET", signed(TestSigner.DEMO, NOW.plus(Duration.ofMinutes(14))));
        authenticator.authenticate("GET", signed(TestSigner.DEMO, NOW.minus(Duration.ofMinutes(14))));
    }

    @Test
    void timestampExactlyFifteenMinutesAway_isStillAccepted_oneSecondMoreIsNot() {
        authenticator.authenticate("GET", signed(TestSigner.DEMO, NOW.plus(Duration.ofMinutes(15))));
        authenticator.authenticate("GET", signed(TestSigner.DEMO, NOW.minus(Duration.ofMinutes(15))));
        assertRefused("InvalidTimeStamp.Expired", 400, signed(TestSigner.DEMO, NOW.plus(Duration.ofSeconds(901))));
    }

    @Test
    void signatureDoesNotMatch_showsTheStringToSign_withEverySecretValueMasked() {
        Map<String, String> request = TestSigner.decode(SignRequest.sign("GET", "Action=ModifyDtsJobEndpoint&DtsJobId=j1&Endpoint=src"
                + "&EndpointInstanceType=rds&Password=pw-7Hq2&ShardPassword=sp-4Kd8", TestSigner.DEMO, NOW));
        request.put("Password", "pw-7Hq2-tampered");
        RuleViolation v = assertThrows(RuleViolation.class, () -> authenticator.authenticate("GET", request));
        Map<String, String> shown = new java.util.TreeMap<>(request);
        shown.put("Password", "******");
        shown.put("ShardPassword", "******");
        assertEquals("Specified signature is not matched with our calculation. server string to sign is ["
                + RpcSignature.stringToSign("GET", shown) + " (secret values shown as ******)]", v.getMessage());
        assertTrue(RpcSignature.stringToSign("GET", shown).contains("Password%3D%252A%252A%252A%252A%252A%252A%26"));
    }

    @Test
    void signatureDoesNotMatch_withoutSecrets_saysNothingAboutMasking() {
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        request.put("Endpoint", "dest");
        RuleViolation v = assertThrows(RuleViolation.class, () -> authenticator.authenticate("GET", request));
        assertEquals("Specified signature is not matched with our calculation. server string to sign is ["
                + RpcSignature.stringToSign("GET", new java.util.TreeMap<>(request)) + "]", v.getMessage());
    }

    @Test
    void timestampThatIsNoDate_isFormatError() {
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        request.put("Timestamp", "2026-13-45T10:00:00Z");
        assertRefused("InvalidTimeStamp.Format", 400, request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T10:00:00.000Z", "2026-11-24 10:00:00Z", "2026-11-24T10:00:00+08:00",
            "2026-11-24T10:0a:00Z", "2026-02-30T10:00:00Z", "2026-11-24T24:00:00Z", "+2026-1-24T10:00:00Z"})
    void timestampOutsideTheSpecPattern_isFormatError(String timestamp) {
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        request.put("Timestamp", timestamp);
        assertRefused("InvalidTimeStamp.Format", 400, request);
    }

    @Test
    void unknownAccessKey_isNotFound() {
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        request.put("AccessKeyId", "LTAI5tNoSuchKey");
        assertRefused("InvalidAccessKeyId.NotFound", 404, request);
    }

    @Test
    void disabledAccessKey_isInactive() {
        assertRefused("InvalidAccessKeyId.Inactive", 400, signed(TestSigner.key("LTAI5tDemoDisabledKey01"), NOW));
    }

    @Test
    void stsCredentialsWithTheirToken_areAccepted() {
        assertEquals("1507800203001111", authenticator.authenticate("GET", signed(TestSigner.key("STS.DemoTemporaryKey001"), NOW)).accountId().orElseThrow());
    }

    @Test
    void stsCredentialsWithoutTheirToken_areMismatched() {
        AccessKey sts = TestSigner.key("STS.DemoTemporaryKey001");
        Map<String, String> request = signed(sts, NOW);
        request.remove("SecurityToken");
        request.put("Signature", TestSigner.signature("GET", request, sts));
        assertRefused("InvalidSecurityToken.MismatchWithAccessKey", 400, request);
    }

    @Test
    void expiredStsCredentials_areExpired() {
        assertRefused("InvalidSecurityToken.Expired", 403, signed(TestSigner.key("STS.DemoExpiredKey00001"), NOW));
    }

    @Test
    void wrongSecret_doesNotMatch() {
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        request.put("Signature", TestSigner.signature("GET", request, TestSigner.key("LTAI5tOtherAccessKey001")));
        assertRefused("SignatureDoesNotMatch", 400, request);
    }

    @Test
    void parameterChangedAfterSigning_doesNotMatch() {
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        request.put("Endpoint", "dest");
        assertRefused("SignatureDoesNotMatch", 400, request);
    }

    @Test
    void otherMethodThanSigned_doesNotMatch() {
        RuleViolation v = assertThrows(RuleViolation.class, () -> authenticator.authenticate("POST", signed(TestSigner.DEMO, NOW)));
        assertEquals("SignatureDoesNotMatch", v.code().wire());
    }

    @Test
    void replayedNonce_isUsed() {
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        authenticator.authenticate("GET", request);
        assertRefused("SignatureNonceUsed", 400, request);
    }

    @Test
    void nonce_isForgottenAfterTheWindow() {
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        authenticator.authenticate("GET", request);
        nanos.addAndGet(RequestAuthenticator.WINDOW.plusSeconds(1).toNanos());
        authenticator.authenticate("GET", request);
    }

    @Test
    void sameNonceForAnotherKey_isAccepted() {
        Map<String, String> first = signed(TestSigner.DEMO, NOW);
        authenticator.authenticate("GET", first);
        AccessKey other = TestSigner.key("LTAI5tOtherAccessKey001");
        Map<String, String> second = signed(other, NOW);
        second.put("SignatureNonce", first.get("SignatureNonce"));
        second.put("Signature", TestSigner.signature("GET", second, other));
        authenticator.authenticate("GET", second);
    }

    @Test
    void burstBeyondTheBucket_isThrottled() {
        authenticator = authenticator(new Throttle(1, 3, ticker));
        for (int i = 0; i < 3; i++) {
            authenticator.authenticate("GET", signed(TestSigner.DEMO, NOW));
        }
        assertRefused("Throttling.User", 400, signed(TestSigner.DEMO, NOW));
    }

    @Test
    void throttling_isPerAccessKey() {
        authenticator = authenticator(new Throttle(1, 1, ticker));
        authenticator.authenticate("GET", signed(TestSigner.DEMO, NOW));
        authenticator.authenticate("GET", signed(TestSigner.key("LTAI5tOtherAccessKey001"), NOW));
    }

    @Test
    void accessKey_neverPrintsItsSecret() {
        assertEquals("AccessKey[id=LTAI5tDemoAccessKey0001, account=1507800203001111, secret=******]", TestSigner.DEMO.toString());
    }

    @Test
    void theNonceListener_seesEachAcceptedNonceOnce_withKeyAndTime_andARefusalFromItIsTheRequests() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        RequestAuthenticator listening = new RequestAuthenticator(ACCOUNTS, new NonceMemory(RequestAuthenticator.WINDOW, 10_000, ticker),
                new Throttle(1000, 1000, ticker), Clock.fixed(NOW, ZoneOffset.UTC), java.util.Set.of("Password"),
                (key, nonce, at) -> seen.add(key + " " + nonce + " " + at));
        Map<String, String> request = signed(TestSigner.DEMO, NOW);
        listening.authenticate("GET", request);
        assertEquals(java.util.List.of("LTAI5tDemoAccessKey0001 " + request.get("SignatureNonce") + " " + NOW), seen);
        assertThrows(RuleViolation.class, () -> listening.authenticate("GET", request));
        assertEquals(1, seen.size(), "a replay is not a new nonce");
        RequestAuthenticator failing = new RequestAuthenticator(ACCOUNTS, new NonceMemory(RequestAuthenticator.WINDOW, 10_000, ticker),
                new Throttle(1000, 1000, ticker), Clock.fixed(NOW, ZoneOffset.UTC), java.util.Set.of("Password"),
                (key, nonce, at) -> {
                    throw new RuleViolation("C-DURABLE", dev.dtscontract.server.domain.ErrorCode.SERVICE_UNAVAILABLE, "disk");
                });
        RuleViolation refused = assertThrows(RuleViolation.class, () -> failing.authenticate("GET", signed(TestSigner.DEMO, NOW)));
        assertEquals("C-DURABLE", refused.ruleId());
    }
}
