package example;

import dev.dtscontract.emulator.control.model.JournalEntry;
import dev.dtscontract.emulator.control.model.Outcome;
import dev.dtscontract.emulator.junit.DtsEmulatorExtension;
import dev.dtscontract.emulator.junit.EmulatorControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModifyEndpointTest {

    // tag::out-of-process-test[]
    @RegisterExtension
    static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().outOfProcess().build();
    // end::out-of-process-test[]

    @Test
    void precheck_passesOnTheEmulator_andChangesNothing(EmulatorControl control) {
        String answer = ModifyEndpoint.precheck(dts.url().toString());

        assertTrue(answer.startsWith("precheck passed, request "), answer);
        JournalEntry entry = control.journal().get(0);
        assertEquals(Outcome.DRY_RUN, entry.getOutcome());
        assertEquals("dtsaw012y2g15q****", entry.getDtsInstanceId());
        assertEquals(1L, control.job("m4312mab158****").getVersion());
    }

    @Test
    void theEmulatorRunsAsItsOwnProcess_withNothingOfItInThisJvm() {
        assertTrue(dts.pid().isPresent(), "a process of its own");
        assertTrue(dts.log().orElseThrow().toFile().isFile(), "its log kept");
        for (String absent : new String[] {"io.micronaut.context.ApplicationContext", "io.netty.channel.Channel",
                "dev.dtscontract.server.EmbeddedEmulator", "org.slf4j.Logger", "reactor.core.publisher.Mono"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent + " on the test class path");
        }
    }

    @Test
    void theEmulatorInThisJvm_withoutTheServerArtifact_isRefusedSayingWhatToAdd() {
        DtsEmulatorExtension inProcess = DtsEmulatorExtension.newInstance().build();
        IllegalStateException e = assertThrows(IllegalStateException.class, inProcess::start);
        assertEquals("The emulator runs in the test JVM only with dev.dtscontract:server on the test class path: add it (scope test), "
                + "or use DtsEmulatorExtension.newInstance().outOfProcess() to run it as its own process", e.getMessage());
    }

    @Test
    void noServer_isReportedAsARefusedConnection() {
        String answer = ModifyEndpoint.precheck("http://127.0.0.1:1");
        assertTrue(answer.startsWith("0 SDK.ConnectionRefused: "), answer);
    }
}
