package dev.dtscontract.emulator.junit;

import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.emulator.control.model.JournalEntry;
import dev.dtscontract.emulator.control.model.Outcome;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension with the emulator as its own process (the standalone jar this build made): the same API as in-process,
 * a process that really is another one and ends with the tests, its log kept, a failed start explained.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutOfProcessExtensionTest {

    /** The jar the server module built in this reactor (surefire passes its path; ../server/target otherwise). */
    static final Path JAR = Path.of(System.getProperty("dts.emulator.jar", "../server/target/dts-emulator.jar"));

    @RegisterExtension
    static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().outOfProcess(JAR).build();

    private static final String JOB = "m4312mab158****";

    private static ModifyDtsJobEndpointRequest moveSource() {
        return new ModifyDtsJobEndpointRequest().dtsJobId(JOB).endpoint(Endpoint.SRC)
                .endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId("rm-bp10k50h8374w****");
    }

    @Test
    @Order(1)
    void theEmulatorIsAnotherProcess_changedByTheClient_andReadBackByTheControlApi(DtsClient client, EmulatorControl control, URI url) {
        long pid = dts.pid().orElseThrow();
        assertNotEquals(ProcessHandle.current().pid(), pid);
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals("127.0.0.1", url.getHost());
        assertNotEquals(8080, url.getPort(), "a free port, never the default one another emulator may hold");

        client.modifyDtsJobEndpoint(moveSource());

        assertEquals(2L, control.job(JOB).getVersion());
        assertEquals("rm-bp10k50h8374w****", control.job(JOB).getSource().getInstanceId());
        List<JournalEntry> journal = control.journalOf(JOB);
        assertEquals(1, journal.size());
        assertEquals(Outcome.APPLIED, journal.get(0).getOutcome());
    }

    @Test
    @Order(2)
    void eachTest_startsFromTheSeed_inTheSameProcess(EmulatorControl control) throws IOException {
        assertEquals(1L, control.job(JOB).getVersion(), "reset before this test");
        assertEquals(List.of(), control.journalOf(JOB));
        String log = Files.readString(dts.log().orElseThrow());
        assertTrue(log.contains("listening on " + dts.url()), log);
    }

    @Test
    void stop_endsTheProcess_freesItsPort_andKeepsItsLog() throws Exception {
        DtsEmulatorExtension own = DtsEmulatorExtension.newInstance().outOfProcess(JAR).build();
        own.start();
        long pid = own.pid().orElseThrow();
        URI url = own.url();
        Path log = own.log().orElseThrow();
        own.stop();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the process ended with stop()");
        assertThrows(ConnectException.class, () -> new Socket(url.getHost(), url.getPort()).close());
        assertTrue(Files.readString(log).contains("listening on " + url));
    }

    @Test
    void aStartThatFails_saysWhy_withTheEmulatorsOwnLine_andItsLog(@TempDir Path dir) {
        DtsEmulatorExtension broken = DtsEmulatorExtension.newInstance().outOfProcess(JAR).seed(dir.resolve("no-such-seed.yaml")).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, broken::start);
        assertTrue(e.getMessage().startsWith("the emulator did not start; its log ("), e.getMessage());
        assertTrue(e.getMessage().contains("dts-emulator: cannot start: seed"), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-seed.yaml"), e.getMessage());
    }

    @Test
    void aPortTakenBeforeTheEmulatorBindsIt_isToldApart_soTheExtensionTriesAnother(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            EmulatorProcess process = EmulatorProcess.launch(JAR, java.util.Map.of(), dir, taken.getLocalPort());
            try {
                EmulatorProcess.PortTaken e = assertThrows(EmulatorProcess.PortTaken.class, process::awaitListening);
                assertEquals("port " + taken.getLocalPort() + " was taken before the emulator could listen on it", e.getMessage());
            } finally {
                process.close();
            }
            assertFalse(process.isAlive());
        }
    }

    @Test
    void noJar_isRefused_namingWhereItLooked(@TempDir Path dir) {
        Path missing = dir.resolve("dts-emulator.jar");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                DtsEmulatorExtension.newInstance().outOfProcess(missing).build()::start);
        assertEquals("no emulator jar at " + missing.toAbsolutePath() + " (build it with `mvn -pl server package`, "
                + "or get dev.dtscontract:server:<version>:jar:all)", e.getMessage());
    }

    @Test
    void withoutAJar_theLocalRepositorysStandaloneEmulatorOfThisVersionIsUsed(@TempDir Path repository) {
        String before = System.getProperty("maven.repo.local");
        String jar = System.clearProperty("dts.emulator.jar");
        System.setProperty("maven.repo.local", repository.toString());
        try {
            String version = DtsEmulatorExtension.Builder.version();
            assertEquals(System.getProperty("project.version", version), version);
            assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version);
            assertEquals(repository.resolve("dev/dtscontract/server/" + version + "/server-" + version + "-all.jar"),
                    DtsEmulatorExtension.newInstance().outOfProcess().emulatorJar());
            System.setProperty("dts.emulator.jar", "/elsewhere/emulator.jar");
            assertEquals(Path.of("/elsewhere/emulator.jar"), DtsEmulatorExtension.newInstance().outOfProcess().emulatorJar(),
                    "the system property comes before the repository");
        } finally {
            restore("maven.repo.local", before);
            restore("dts.emulator.jar", jar);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
