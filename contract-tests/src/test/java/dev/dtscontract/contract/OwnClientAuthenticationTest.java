package dev.dtscontract.contract;

import dev.dtscontract.verifier.Comparisons;
import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.RetryPolicy;
import dev.dtscontract.client.SignatureAlgorithm;
import dev.dtscontract.spec.SpecExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** This project's client signs as Alibaba Cloud's SDKs do: the emulator accepts and refuses it alike. */
class OwnClientAuthenticationTest {

    private static final SpecExamples SPEC = SpecExamples.load();
    @RegisterExtension
    static final Emulator emulator = new Emulator();


    private static void assertRefused(String code, int status, Credentials credentials) {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            try (DtsClient client = DtsClient.builder().endpoint(emulator.url()).credentials(credentials).signatureAlgorithm(algorithm)
                    .retryPolicy(RetryPolicy.none()).build()) {
                DtsClientException e = assertThrows(DtsClientException.class,
                        () -> client.modifyDtsJobEndpoint(ConsumerContractTest.typed(SPEC.request(ProviderContractTest.SAMPLE))));
                assertAll(algorithm.name(),
                        () -> assertEquals(code, e.code()),
                        () -> assertEquals(status, e.status()),
                        () -> assertTrue(Comparisons.REQUEST_ID.matcher(e.requestId()).matches(), e.requestId()));
            }
            Ledger.exchange("own client " + algorithm + " " + code);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(SignatureAlgorithm.class)
    void demoCredentials_succeed(SignatureAlgorithm algorithm) {
        try (DtsClient client = DtsClient.builder().endpoint(emulator.url()).credentials(DemoCredentials.DEMO).signatureAlgorithm(algorithm).build()) {
            assertEquals(true, client.modifyDtsJobEndpoint(ConsumerContractTest.typed(SPEC.request(ProviderContractTest.SAMPLE))).getSuccess());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(SignatureAlgorithm.class)
    void validStsCredentials_succeed(SignatureAlgorithm algorithm) {
        try (DtsClient client = DtsClient.builder().endpoint(emulator.url()).signatureAlgorithm(algorithm)
                .credentials(Credentials.sts("STS.DemoTemporaryKey001", "StsSecretForLocalUseOnly0001", "CAIS8wF1q6Ft5B2yfSjIr5bDemoSecurityToken"))
                .build()) {
            assertEquals(true, client.modifyDtsJobEndpoint(ConsumerContractTest.typed(SPEC.request(ProviderContractTest.SAMPLE))).getSuccess());
        }
    }

    @Test
    void wrongSecret_isSignatureDoesNotMatch() {
        assertRefused("SignatureDoesNotMatch", 400, Credentials.of(DemoCredentials.DEMO.accessKeyId(), "wrong-secret"));
    }

    @Test
    void unknownKey_isNotFound() {
        assertRefused("InvalidAccessKeyId.NotFound", 404, Credentials.of("LTAI5tUnknownKey", "whatever"));
    }

    @Test
    void disabledKey_isInactive() {
        assertRefused("InvalidAccessKeyId.Inactive", 400, Credentials.of("LTAI5tDemoDisabledKey01", "DisabledSecretForLocalUse0001"));
    }

    @Test
    void expiredSts_isExpired() {
        assertRefused("InvalidSecurityToken.Expired", 403,
                Credentials.sts("STS.DemoExpiredKey00001", "ExpiredStsSecretForLocalUse01", "CAISExpiredDemoSecurityToken0001"));
    }
}
