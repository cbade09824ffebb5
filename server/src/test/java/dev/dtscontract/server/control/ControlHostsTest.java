package dev.dtscontract.server.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C-HOST: the Host names the control API answers, decided by what they are, never by what they resolve to. */
class ControlHostsTest {

    private final ControlHosts none = new ControlHosts("");

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost:8080", "127.0.0.1", "127.0.0.1:1", "127.255.255.255:65535",
            "[::1]", "[::1]:8080", "[0:0:0:0:0:0:0:1]:80", " localhost:8080 "})
    void loopbackNamesAndAddresses_areAdmitted(String host) {
        assertTrue(none.admits(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "0.0.0.0", "[::]", "127.0.0.256",
            "127.1", "2130706433", "localhost.", "sub.localhost", "127.0.0.1:80a", "127.0.0.1:", "[::1", "[::1]x", "[::1]:x",
            "127.0.0.1:123456", "10.0.0.1", "::1", "127.0.0.1 .evil"})
    void anythingElse_isNot(String host) {
        assertFalse(none.admits(host), host);
    }

    @Test
    void noHost_isNotAdmitted() {
        assertFalse(none.admits(null));
        assertNull(ControlHosts.nameOf(null));
    }

    @Test
    void configuredNames_areAdmittedInAnyCase_withAnyPort() {
        ControlHosts hosts = new ControlHosts(" emulator.internal , [fd00::1],dts-emulator ");
        assertEquals(java.util.Set.of("emulator.internal", "[fd00::1]", "dts-emulator"), hosts.configured());
        assertTrue(hosts.admits("Emulator.Internal:8080"));
        assertTrue(hosts.admits("[FD00::1]:80"));
        assertTrue(hosts.admits("dts-emulator"));
        assertTrue(hosts.admits("localhost"));
        assertFalse(hosts.admits("emulator.internal.evil.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator:8080", "http://emulator", "*.example", "-bad", "a b"})
    void aConfiguredNameThatIsNotAHostName_stopsTheStart(String configured) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ControlHosts(configured));
        assertTrue(e.getMessage().startsWith("DTS_CONTROL_HOSTS (dts.control.hosts) must list host names without ports"), e.getMessage());
    }
}
