package dev.dtscontract.emulator.junit;

import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The builder's options reach an emulator process as they reach one in the test JVM: settings (as -D properties), the
 * control token, the client's credentials, the data directory (state acknowledged by one process is the next one's).
 */
class OutOfProcessOptionsTest {

    private static final String JOB = "m4312mab158****";

    private static ModifyDtsJobEndpointRequest moveSource() {
        return new ModifyDtsJobEndpointRequest().dtsJobId(JOB).endpoint(Endpoint.SRC)
                .endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId("rm-bp10k50h8374w****");
    }

    @Test
    void aSetting_theControlToken_andTheCredentials_reachTheProcessAndItsClients() throws Exception {
        DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().outOfProcess(OutOfProcessExtensionTest.JAR)
                .property("dts.jobs.modifying-seconds", 0).controlToken("oop-token-0001").build();
        dts.start();
        try {
            dts.client().modifyDtsJobEndpoint(moveSource());
            assertEquals("Synchronizing", dts.client().describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId(JOB)).getStatus(),
                    "dts.jobs.modifying-seconds=0 reached the process: no Modifying window after the change");
            assertEquals(2L, dts.control().job(JOB).getVersion(), "the control client sends the token");
            HttpResponse<String> without = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dts.url() + "/_emulator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, without.statusCode(), "the process was started with the token: " + without.body());
        } finally {
            dts.stop();
        }
        DtsEmulatorExtension stranger = DtsEmulatorExtension.newInstance().outOfProcess(OutOfProcessExtensionTest.JAR)
                .credentials("LTAI5tNoSuchKey000001", "no-such-secret").build();
        stranger.start();
        try {
            DtsClientException e = assertThrows(DtsClientException.class, () -> stranger.client().modifyDtsJobEndpoint(moveSource()));
            assertEquals("InvalidAccessKeyId.NotFound", e.code(), "the client signs with the configured key");
        } finally {
            stranger.stop();
        }
    }

    @Test
    void stateAcknowledgedByOneProcess_isTheNextOnesOnTheSameDataDirectory(@TempDir Path data) {
        DtsEmulatorExtension first = DtsEmulatorExtension.newInstance().outOfProcess(OutOfProcessExtensionTest.JAR)
                .dataDirectory(data).resetBeforeEach(false).build();
        first.start();
        try {
            first.client().modifyDtsJobEndpoint(moveSource());
        } finally {
            first.stop();
        }
        assertTrue(Files.isRegularFile(data.resolve("state.log")));
        DtsEmulatorExtension second = DtsEmulatorExtension.newInstance().outOfProcess(OutOfProcessExtensionTest.JAR)
                .dataDirectory(data).resetBeforeEach(false).build();
        second.start();
        try {
            assertEquals(2L, second.control().job(JOB).getVersion());
            assertEquals("rm-bp10k50h8374w****", second.control().job(JOB).getSource().getInstanceId());
        } finally {
            second.stop();
        }
    }
}
