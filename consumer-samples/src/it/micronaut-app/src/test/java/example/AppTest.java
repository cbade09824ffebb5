package example;

import dev.dtscontract.emulator.control.model.JobView;
import dev.dtscontract.emulator.junit.DtsEmulatorExtension;
import dev.dtscontract.emulator.junit.EmulatorControl;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppTest {

    @RegisterExtension
    static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().build();

    @Test
    void moveSource_changesTheJobOnTheEmulator_throughTheClientConfiguredInApplicationYml(EmulatorControl control) {
        String requestId;
        // application.yml is read (snakeyaml is on the classpath); only the URL is the test's, through ${dts.url}.
        try (ApplicationContext context = ApplicationContext.run(Map.of("dts.url", dts.url().toString()))) {
            requestId = context.getBean(App.class).moveSource("m4312mab158****", "rm-bp1alt0mysql0002");
        }
        JobView job = control.job("m4312mab158****");
        assertEquals("rm-bp1alt0mysql0002", job.getSource().getInstanceId());
        assertEquals(2L, job.getVersion());
        assertEquals(requestId, job.getHistory().get(0).getRequestId());
    }
}
