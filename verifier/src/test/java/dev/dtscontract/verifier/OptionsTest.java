package dev.dtscontract.verifier;

import dev.dtscontract.verifier.Check.Signature;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    private static final Map<String, String> ENV = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvKey000000001",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "EnvSecret0001");

    private static String error(Map<String, String> env, String... args) {
        return assertThrows(IllegalArgumentException.class, () -> Options.parse(args, env)).getMessage();
    }

    @Test
    void defaults_andCredentialsFromTheEnvironment() {
        Options o = Options.parse(new String[] {"verify", "--url", "http://127.0.0.1:8080"}, ENV);
        assertEquals("LTAI5tEnvKey000000001", o.credentials().accessKeyId());
        assertEquals("EnvSecret0001", o.credentials().accessKeySecret());
        assertNull(o.credentials().securityToken());
        assertEquals(Signature.V3, o.signature());
        assertEquals(List.of(), o.examples());
        assertEquals(Path.of("dts-verifier-report"), o.reportDir());
        assertEquals(Duration.ofSeconds(10), o.timeout());
        assertFalse(o.dryRunOnly());
        assertFalse(o.allowChanges());
    }

    @Test
    void everyOption_reachesItsField() {
        Options o = Options.parse(new String[] {"--url", "https://dts.cn-hangzhou.aliyuncs.com", "--access-key-id", "STS.Key1",
                "--access-key-secret", "s3cret", "--security-token", "tok", "--signature", "v2", "--examples", "A, B",
                "--examples", "C", "D", "--examples", "E", "--dry-run-only", "--allow-changes", "--report-dir", "out/r", "--timeout", "30"}, ENV);
        assertEquals("https://dts.cn-hangzhou.aliyuncs.com", o.url().toString());
        assertEquals("STS.Key1", o.credentials().accessKeyId());
        assertEquals("s3cret", o.credentials().accessKeySecret());
        assertEquals("tok", o.credentials().securityToken());
        assertEquals(Signature.V2, o.signature());
        assertEquals(List.of("A", "B", "C", "D", "E"), o.examples());
        assertTrue(o.dryRunOnly());
        assertTrue(o.allowChanges());
        assertEquals(Path.of("out/r"), o.reportDir());
        assertEquals(Duration.ofSeconds(30), o.timeout());
    }

    @Test
    void mistakes_areOneLineMessages() {
        assertEquals("--url is required", error(ENV));
        assertEquals("no AccessKey: give --access-key-id or set ALIBABA_CLOUD_ACCESS_KEY_ID", error(Map.of(), "--url", "http://h"));
        assertEquals("no secret for AccessKey K: give --access-key-secret or set ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                error(Map.of(), "--url", "http://h", "--access-key-id", "K"));
        assertEquals("--signature is v3 or v2, not v4", error(ENV, "--url", "http://h", "--signature", "v4"));
        assertEquals("--url must be an http:// or https:// URL with a host, not ftp://h", error(ENV, "--url", "ftp://h"));
        assertEquals("--url takes no query or fragment: http://h/?a=b", error(ENV, "--url", "http://h/?a=b"));
        assertEquals("--timeout is a number of seconds from 1 to 600, not 0", error(ENV, "--url", "http://h", "--timeout", "0"));
        assertEquals("--url needs a value", error(ENV, "--url"));
        assertEquals("--url needs a value", error(ENV, "--url", "--dry-run-only"));
        assertEquals("unknown option --frobnicate", error(ENV, "--frobnicate"));
        assertEquals("unexpected argument http://h (options start with --)", error(ENV, "http://h"));
        assertEquals("--examples needs a value", error(ENV, "--url", "http://h", "--examples", "--dry-run-only"));
    }

    @Test
    void loopback_isThisMachineByNameOrAddress() {
        for (String url : List.of("http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:8080", "http://127.1.2.3")) {
            assertTrue(Options.parse(new String[] {"--url", url}, ENV).loopback(), url);
        }
        for (String url : List.of("http://192.0.2.10:8080", "https://dts.aliyuncs.com", "http://10.0.0.1")) {
            assertFalse(Options.parse(new String[] {"--url", url}, ENV).loopback(), url);
        }
    }
}
