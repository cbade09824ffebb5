package dev.dtscontract.contract;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.emulator.control.model.AccessKey;
import dev.dtscontract.emulator.control.model.Account;
import dev.dtscontract.emulator.control.model.TemporaryCredential;
import dev.dtscontract.emulator.junit.EmulatorControl;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.verifier.Exchange;
import dev.dtscontract.verifier.Provider;
import dev.dtscontract.signing.SignedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The security windows of R-SIGNATURE as the emulator is started for users (its production wiring, default settings),
 * over HTTP, moved with the emulator's clock (C-CLOCK) instead of waited for: the Timestamp check (15 minutes either way),
 * the nonce memory (30 minutes) and an STS token's expiry. A window wired with another length, or a security check that
 * reads another clock than the one the others read, fails here. Every request is the documented sample, a dry run.
 */
class SecurityWindowsOverHttpTest {

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    private static final Map<String, String> SAMPLE = SpecExamples.load().request("ModifyDtsJobEndpointDocumentedSample").parameters();
    /** Leeway for the time a request takes to arrive: far less than the windows, far more than a slow request. */
    private static final Duration LEEWAY = Duration.ofSeconds(10);
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    private static EmulatorControl control() {
        return emulator.examples().control();
    }

    private static Exchange send(String scheme, Credentials credentials, Instant signedAt, String nonce) {
        SignedRequest request = scheme.equals("v3")
                ? SignedRequest.builder().method("GET").query(SAMPLE).form(Map.of()).credentials(credentials.signing()).at(signedAt).nonce(nonce).host(emulator.url().getAuthority()).v3()
                : SignedRequest.builder().method("GET").query(SAMPLE).form(Map.of()).credentials(credentials.signing()).at(signedAt).nonce(nonce).rpc();
        return new Provider(emulator.url(), Duration.ofSeconds(10)).send(scheme, request);
    }

    private static Exchange send(String scheme, Instant signedAt) {
        return send(scheme, DemoCredentials.DEMO, signedAt, UUID.randomUUID().toString().replace("-", ""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rpc", "v3"})
    void timestamp_isAcceptedWithin15MinutesOfTheEmulatorsClock_eitherWay(String scheme) {
        Instant now = control().now();
        assertEquals("OK", Emulator.outcome(send(scheme, now.minus(FIFTEEN_MINUTES).plus(LEEWAY))), "14:50 behind");
        assertEquals("OK", Emulator.outcome(send(scheme, now.plus(FIFTEEN_MINUTES).minus(LEEWAY))), "14:50 ahead");
        assertEquals("InvalidTimeStamp.Expired", Emulator.outcome(send(scheme, now.minus(FIFTEEN_MINUTES).minus(LEEWAY))), "15:10 behind");
        assertEquals("InvalidTimeStamp.Expired", Emulator.outcome(send(scheme, now.plus(FIFTEEN_MINUTES).plus(LEEWAY.multipliedBy(2)))), "15:20 ahead");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rpc", "v3"})
    void advancedClock_expiresARequestSignedWithTheMachinesTime_andAcceptsOneSignedWithItsOwn(String scheme) {
        Instant machine = Instant.now();
        Instant emulatorNow = control().advanceClock(FIFTEEN_MINUTES.plus(LEEWAY.multipliedBy(3)));
        assertEquals("InvalidTimeStamp.Expired", Emulator.outcome(send(scheme, machine)));
        assertEquals("OK", Emulator.outcome(send(scheme, emulatorNow)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rpc", "v3"})
    void nonce_isRefusedFor30Minutes_thenForgotten(String scheme) {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        assertEquals("OK", Emulator.outcome(send(scheme, DemoCredentials.DEMO, control().now(), nonce)));
        Instant after14 = control().advanceClock(Duration.ofMinutes(14));
        assertEquals("SignatureNonceUsed", Emulator.outcome(send(scheme, DemoCredentials.DEMO, after14, nonce)), "14 minutes on, freshly timestamped");
        Instant after29 = control().advanceClock(Duration.ofMinutes(15).plus(LEEWAY.multipliedBy(5))); // 29:50
        assertEquals("SignatureNonceUsed", Emulator.outcome(send(scheme, DemoCredentials.DEMO, after29, nonce)), "29:50 on");
        Instant after30 = control().advanceClock(LEEWAY.multipliedBy(2)); // 30:10
        assertEquals("OK", Emulator.outcome(send(scheme, DemoCredentials.DEMO, after30, nonce)), "30:10 on, the nonce is forgotten");
        assertEquals("SignatureNonceUsed", Emulator.outcome(send(scheme, DemoCredentials.DEMO, after30, nonce)), "and remembered again");
    }

    @Test
    void stsToken_expiresByTheEmulatorsClock() {
        Instant expires = control().now().plus(Duration.ofMinutes(10));
        control().api().putAccount("1507800203001111", new Account().id("1507800203001111")
                .addAccessKeysItem(new AccessKey().id(DemoCredentials.DEMO.accessKeyId()).secret(DemoCredentials.DEMO.accessKeySecret()))
                .addTemporaryCredentialsItem(new TemporaryCredential().accessKeyId("STS.ClockTestKey00001").secret("ClockTestStsSecret0000000001")
                        .securityToken("CAISClockTestSecurityToken00001").expires(expires.toString())));
        Credentials sts = Credentials.sts("STS.ClockTestKey00001", "ClockTestStsSecret0000000001", "CAISClockTestSecurityToken00001");
        assertEquals("OK", Emulator.outcome(send("v3", sts, control().now(), UUID.randomUUID().toString())));
        Instant later = control().advanceClock(Duration.ofMinutes(11));
        assertEquals("InvalidSecurityToken.Expired", Emulator.outcome(send("v3", sts, later, UUID.randomUUID().toString())));
        assertEquals("InvalidSecurityToken.Expired", Emulator.outcome(send("rpc", sts, later, UUID.randomUUID().toString())));
    }
}
