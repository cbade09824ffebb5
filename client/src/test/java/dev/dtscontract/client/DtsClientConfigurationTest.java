package dev.dtscontract.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The injected client's settings: their defaults, what they build, and a toString that never shows the secret. */
class DtsClientConfigurationTest {

    @Test
    void defaults_areTheBuildersDefaults() {
        DtsClientConfiguration c = new DtsClientConfiguration();
        assertEquals("JSON", c.getFormat());
        assertEquals("v3", c.getSignatureAlgorithm());
        assertEquals(SignatureAlgorithm.V3, c.signatureAlgorithm());
        assertEquals(3, c.getMaxAttempts());
        assertEquals(Duration.ofMillis(200), c.getInitialRetryDelay());
        assertEquals(Duration.ofSeconds(5), c.getMaxRetryDelay());
        assertEquals(RetryPolicy.defaults(), c.retryPolicy());
        assertEquals(null, c.getAccessKeyId());
    }

    @Test
    void settings_areReadBack_andBuildThePolicyAndCredentials() {
        DtsClientConfiguration c = new DtsClientConfiguration();
        c.setSignatureAlgorithm("v2");
        c.setMaxAttempts(5);
        c.setInitialRetryDelay(Duration.ofMillis(7));
        c.setMaxRetryDelay(Duration.ofMillis(70));
        c.setAccessKeyId("STS.ConfiguredKey01");
        c.setAccessKeySecret("configured-secret-value");
        c.setSecurityToken("configured-token-value");
        assertEquals("v2", c.getSignatureAlgorithm());
        assertEquals(5, c.getMaxAttempts());
        assertEquals(Duration.ofMillis(7), c.getInitialRetryDelay());
        assertEquals(Duration.ofMillis(70), c.getMaxRetryDelay());
        assertEquals("configured-secret-value", c.getAccessKeySecret());
        assertEquals("configured-token-value", c.getSecurityToken());
        assertEquals(new RetryPolicy(5, Duration.ofMillis(7), Duration.ofMillis(70)), c.retryPolicy());
        Credentials credentials = c.credentialsProvider().credentials();
        assertEquals("STS.ConfiguredKey01", credentials.accessKeyId());
        assertEquals("configured-secret-value", credentials.accessKeySecret());
        assertEquals("configured-token-value", credentials.securityToken());
        c.setSecurityToken(null);
        assertEquals(null, c.credentialsProvider().credentials().securityToken());
        String text = c.toString();
        assertEquals("DtsClientConfiguration[format=JSON, signatureAlgorithm=v2, maxAttempts=5, accessKeyId=STS.ConfiguredKey01]", text);
        assertFalse(text.contains("configured-secret"), text);
    }

    @Test
    void withoutAKey_theCredentialsComeFromTheEnvironment_whenAsked() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(Credentials.ENV_ACCESS_KEY_ID) == null, "no ALIBABA_CLOUD_* key set here");
        CredentialsProvider provider = new DtsClientConfiguration().credentialsProvider();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, provider::credentials);
        assertEquals("No credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or pass credentials to the builder",
                e.getMessage());
    }

    @Test
    void unknownSignatureAlgorithm_failsWhenConfigured() {
        assertThrows(IllegalArgumentException.class, () -> new DtsClientConfiguration().setSignatureAlgorithm("v4"));
    }
}
