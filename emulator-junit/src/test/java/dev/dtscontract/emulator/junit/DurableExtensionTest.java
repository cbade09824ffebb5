package dev.dtscontract.emulator.junit;

import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dataDirectory(...): the state one emulator acknowledged is the next one's, on the same directory. */
class DurableExtensionTest {

    @TempDir
    Path data;

    @Test
    void aChangeMadeByOneEmulator_isFoundByTheNextOnTheSameDirectory() {
        DtsEmulatorExtension first = DtsEmulatorExtension.newInstance().dataDirectory(data).resetBeforeEach(false).build();
        first.start();
        try {
            DtsClient client = first.client();
            client.modifyDtsJobEndpoint(new ModifyDtsJobEndpointRequest().dtsJobId("m4312mab158****").endpoint(Endpoint.SRC)
                    .endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId("rm-bp1alt0mysql0002"));
            assertEquals(2L, first.control().job("m4312mab158****").getVersion());
        } finally {
            first.stop();
        }
        assertTrue(Files.isRegularFile(data.resolve("state.log")));

        DtsEmulatorExtension second = DtsEmulatorExtension.newInstance().dataDirectory(data).resetBeforeEach(false).build();
        second.start();
        try {
            assertEquals(2L, second.control().job("m4312mab158****").getVersion());
            assertEquals("rm-bp1alt0mysql0002", second.control().job("m4312mab158****").getSource().getInstanceId());
        } finally {
            second.stop();
        }
    }
}
