package dev.dtscontract.contract;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.signing.RpcSignature;
import dev.dtscontract.emulator.control.model.AccessKey;
import dev.dtscontract.emulator.control.model.Account;
import dev.dtscontract.emulator.control.model.TemporaryCredential;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.verifier.Exchange;
import dev.dtscontract.verifier.Provider;
import dev.dtscontract.signing.SignedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wherever a secret could surface over HTTP (an error message, the journal, the control API's views), it shows in
 * exactly one masked form, {@code ******}, and no part of it (no six characters in a row) shows in any answer or view
 * this test reads. The secrets
 * are this test's own, so a match cannot be a coincidence of ordinary text. Logs: EmulatorLogConfiguratorTest and
 * EmulatorProcessIT pin the masked access-log line.
 */
class SecretsAreMaskedTest {

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    private static final String OWNER = "1507800203001111";
    private static final String PASSWORD = "q7Zk2Wm9Xv4Rb8Tn";
    private static final String SHARD_PASSWORD = "h3Jd1Lp6Ys5Gc0Fw";
    private static final String STS_ID = "STS.MaskTestKey000001";
    private static final String STS_SECRET = "u2Nr8Bk4Qe7Ma1Vz";
    private static final String STS_TOKEN = "CAISe9Tx3Wq6Pn2Ld5Rh";
    private static final String KEY_SECRET = "o4Gy7Cs1Hb9Kf3Mj";
    private static final List<String> SECRETS = List.of(PASSWORD, SHARD_PASSWORD, STS_SECRET, STS_TOKEN, KEY_SECRET);

    private static final Credentials STS = Credentials.sts(STS_ID, STS_SECRET, STS_TOKEN);
    private static final Map<String, String> WITH_PASSWORDS = withPasswords();

    private static Map<String, String> withPasswords() {
        Map<String, String> p = new TreeMap<>(SpecExamples.load().request("ModifyDtsJobEndpointDocumentedSample").parameters());
        p.put("ModifyAccount", "true");
        p.put("Username", "dtstest");
        p.put("Password", PASSWORD);
        p.put("ShardPassword", SHARD_PASSWORD);
        return p;
    }

    /** Before each: a test that applies a change resets the emulator, and the seed has not these keys. */
    @BeforeEach
    void keysOfThisTest() {
        emulator.examples().control().api().putAccount(OWNER, new Account().id(OWNER)
                .addAccessKeysItem(new AccessKey().id(DemoCredentials.DEMO.accessKeyId()).secret(DemoCredentials.DEMO.accessKeySecret()))
                .addAccessKeysItem(new AccessKey().id("LTAI5tMaskTestKey0001").secret(KEY_SECRET))
                .addTemporaryCredentialsItem(new TemporaryCredential().accessKeyId(STS_ID).secret(STS_SECRET)
                        .securityToken(STS_TOKEN).expires("2099-01-01T00:00:00Z")));
    }

    private static Exchange send(SignedRequest request) {
        Exchange e = new Provider(emulator.url(), Duration.ofSeconds(10)).send("secrets", request);
        assertNoPartOfASecret(e.responseBody());
        return e;
    }

    /** Every answer and view this test reads passes here: no six characters in a row of any secret. */
    private static void assertNoPartOfASecret(String text) {
        for (String secret : SECRETS) {
            for (int i = 0; i + 6 <= secret.length(); i++) {
                String part = secret.substring(i, i + 6);
                assertTrue(!text.contains(part), "\"" + part + "\" of a secret surfaced in: " + text);
            }
        }
    }

    private static String message(Exchange e) {
        return e.responseBody().replaceAll("(?s).*\"Message\":\"((?:[^\"\\\\]|\\\\.)*)\".*", "$1").replace("\\\"", "\"");
    }

    private static RawHttp.Response raw(String method, String target, String formBody) {
        try (RawHttp http = new RawHttp(emulator.url())) {
            RawHttp.Response r = http.send(method, target, formBody == null ? Map.of() : Map.of("Content-Type", SignedRequest.FORM),
                    formBody == null ? null : formBody.getBytes(StandardCharsets.UTF_8));
            assertNoPartOfASecret(r.body());
            return r;
        }
    }

    @Test
    void signatureDoesNotMatch_showsTheStringToSignWithEverySecretValueMasked() {
        Credentials wrong = Credentials.sts(STS_ID, "not-the-secret", STS_TOKEN);
        String nonce = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Exchange e = send(SignedRequest.builder().method("GET").query(WITH_PASSWORDS).form(Map.of()).credentials(wrong.signing()).at(now).nonce(nonce).rpc());
        Map<String, String> shown = new TreeMap<>(WITH_PASSWORDS);
        shown.put("Password", "******");
        shown.put("ShardPassword", "******");
        shown.put("SecurityToken", "******");
        shown.put("AccessKeyId", STS_ID);
        shown.put("SignatureMethod", "HMAC-SHA1");
        shown.put("SignatureVersion", "1.0");
        shown.put("SignatureNonce", nonce);
        shown.put("Timestamp", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        shown.put("Version", "2020-01-01");
        assertEquals("Specified signature is not matched with our calculation. server string to sign is ["
                + RpcSignature.stringToSign("GET", shown) + " (secret values shown as ******)]", message(e));
    }

    @Test
    void aSecretGivenTwice_isNamedButItsValuesMasked() {
        SignedRequest signed = SignedRequest.builder().method("POST").query(WITH_PASSWORDS).form(Map.of("Password", "w8Dv5Xn2Ka")).credentials(STS.signing()).at(Instant.now()).nonce(UUID.randomUUID().toString()).rpc();
        Exchange e = send(signed);
        assertEquals(400, e.status(), e.responseBody());
        assertEquals("The specified parameter \"Password\" is not valid: it has more than one value: ******, ******.", message(e));
    }

    @Test
    void aSecretBadlyEncoded_isNamedButNotShown() {
        RawHttp.Response r = raw("GET", "/?Action=ModifyDtsJobEndpoint&Password=" + PASSWORD.substring(0, 8) + "%zz" + PASSWORD.substring(8), null);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains("\"Message\":\"The specified parameter \\\"Password\\\" is not valid: it is not correctly "
                + "percent-encoded (RFC 3986, UTF-8).\""), r.body());
    }

    @Test
    void theJournal_showsEverySecretParameterAsTheMask_andEveryOtherAsSent() {
        Exchange accepted = send(SignedRequest.builder().method("GET").query(WITH_PASSWORDS).form(Map.of()).credentials(STS.signing()).at(Instant.now()).nonce(UUID.randomUUID().toString().replace("-", "")).host(emulator.url().getAuthority()).v3());
        assertEquals(200, accepted.status(), accepted.responseBody());
        send(SignedRequest.builder().method("POST").query(Map.of()).form(WITH_PASSWORDS).credentials(STS.signing()).at(Instant.now()).nonce(UUID.randomUUID().toString()).rpc());
        String journal = raw("GET", "/_emulator/journal?limit=10000", null).body();
        int masked = 0;
        for (String name : List.of("Password", "ShardPassword", "SecurityToken")) {
            for (int at = journal.indexOf("\"" + name + "\":"); at >= 0; at = journal.indexOf("\"" + name + "\":", at + 1)) {
                assertTrue(journal.startsWith("\"" + name + "\":\"******\"", at), journal.substring(at, Math.min(journal.length(), at + 60)));
                masked++;
            }
        }
        assertTrue(masked >= 5, "the two requests' Password and ShardPassword, the RPC one's SecurityToken: " + masked);
        assertTrue(journal.contains("\"Username\":\"dtstest\""), "other parameters as sent");
    }

    @Test
    void theControlApisViews_maskEveryKeySecretAndToken() {
        String accounts = raw("GET", "/_emulator/accounts", null).body();
        assertTrue(accounts.contains("{\"id\":\"LTAI5tMaskTestKey0001\",\"secret\":\"******\""), accounts);
        assertTrue(accounts.contains("\"accessKeyId\":\"" + STS_ID + "\",\"secret\":\"******\",\"securityToken\":\"******\""), accounts);
    }

    @Test
    void anAppliedAccountChange_showsInTheJobAndItsHistoryMasked() {
        Map<String, String> applied = new TreeMap<>(WITH_PASSWORDS);
        applied.put("DryRun", "false");
        Exchange e = send(SignedRequest.builder().method("GET").query(applied).form(Map.of()).credentials(STS.signing()).at(Instant.now()).nonce(UUID.randomUUID().toString()).rpc());
        assertEquals(200, e.status(), e.responseBody());
        String jobs = raw("GET", "/_emulator/jobs", null).body();
        assertTrue(jobs.contains("\"password\":\"******\""), jobs);
        emulator.examples().control().reset();
    }
}
