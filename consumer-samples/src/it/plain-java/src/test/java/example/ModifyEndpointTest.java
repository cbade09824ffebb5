package example;

import dev.dtscontract.emulator.control.model.JournalEntry;
import dev.dtscontract.emulator.control.model.Outcome;
import dev.dtscontract.emulator.junit.DtsEmulatorExtension;
import dev.dtscontract.emulator.junit.EmulatorControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModifyEndpointTest {

    @RegisterExtension
    static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().build();

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
    void noServer_isReportedAsARefusedConnection() {
        String answer = ModifyEndpoint.precheck("http://127.0.0.1:1");
        assertTrue(answer.startsWith("0 SDK.ConnectionRefused: "), answer);
    }
}
