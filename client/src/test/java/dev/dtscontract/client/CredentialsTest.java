package dev.dtscontract.client;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialsTest {

    @Test
    void toString_neverShowsTheSecretOrToken() {
        String text = Credentials.sts("LTAIid", "s3cr3t-value", "tok3n-value").toString();
        assertTrue(text.contains("LTAIid"));
        assertFalse(text.contains("s3cr3t"), text);
        assertFalse(text.contains("tok3n"), text);
        assertEquals("Credentials[accessKeyId=LTAIid, accessKeySecret=******, securityToken=******]", text);
        assertEquals("Credentials[accessKeyId=LTAIid, accessKeySecret=******]", Credentials.of("LTAIid", "s3cr3t-value").toString());
    }

    @Test
    void environment_providesIdSecretAndToken() {
        Map<String, String> env = Map.of(Credentials.ENV_ACCESS_KEY_ID, "id", Credentials.ENV_ACCESS_KEY_SECRET, "secret",
                Credentials.ENV_SECURITY_TOKEN, "token");
        Credentials c = Credentials.fromVariables(env::get);
        assertEquals("id", c.accessKeyId());
        assertEquals("secret", c.accessKeySecret());
        assertEquals("token", c.securityToken());
    }

    @Test
    void environmentWithoutToken_givesPermanentCredentials() {
        Map<String, String> env = Map.of(Credentials.ENV_ACCESS_KEY_ID, "id", Credentials.ENV_ACCESS_KEY_SECRET, "secret");
        assertNull(Credentials.fromVariables(env::get).securityToken());
    }

    @Test
    void missingEnvironment_failsNamingTheVariables() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Credentials.fromVariables(name -> null));
        assertTrue(e.getMessage().contains("ALIBABA_CLOUD_ACCESS_KEY_ID"), e.getMessage());
    }

    @Test
    void blankSecret_isRejectedWithoutEchoingAnything() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Credentials.of("id", " "));
        assertEquals("accessKeySecret must not be blank", e.getMessage());
    }
}
