package example;

// tag::junit5[]
import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.emulator.control.model.Engine;
import dev.dtscontract.emulator.control.model.InstanceType;
import dev.dtscontract.emulator.control.model.JobView;
import dev.dtscontract.emulator.control.model.JournalEntry;
import dev.dtscontract.emulator.control.model.Outcome;
import dev.dtscontract.emulator.junit.DtsEmulatorExtension;
import dev.dtscontract.emulator.junit.EmulatorControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoveSourceTest {

    @RegisterExtension // in-process, a free port, reset to the seed before each test
    static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().build();

    @Test
    void movingTheSource_replacesItAndRollsTheCheckpointBack(DtsClient client, EmulatorControl control) {
        // Arrange: two MySQL instances and a job between them, owned by the demo account the client signs as.
        control.putInstance("rm-orders-old-01", InstanceType.RDS, Engine.MYSQL, "cn-hangzhou");
        control.putInstance("rm-orders-new-01", InstanceType.RDS, Engine.MYSQL, "cn-hangzhou");
        control.newJob("jorders0000001").checkpoint("2026-06-01T12:00:00Z")
                .source(InstanceType.RDS, Engine.MYSQL, "rm-orders-old-01")
                .destination(InstanceType.RDS, Engine.MYSQL, "rm-bp1dst0mysql0001").put();

        // Act: the code under test calls the API.
        client.modifyDtsJobEndpoint(new ModifyDtsJobEndpointRequest().dtsJobId("jorders0000001")
                .endpoint(Endpoint.SRC).endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId("rm-orders-new-01"));

        // Assert on state ...
        JobView job = control.job("jorders0000001");
        assertEquals("rm-orders-new-01", job.getSource().getInstanceId());
        assertEquals(2L, job.getVersion());
        assertEquals("2026-06-01T11:59:50Z", job.getCheckpoint());
        // ... and on what was sent.
        JournalEntry sent = control.journalOf("jorders0000001").get(0);
        assertEquals(Outcome.APPLIED, sent.getOutcome());
        assertEquals("rm-orders-new-01", sent.getParameters().get("EndpointInstanceId"));
    }

    @Test
    void anEngineOfAnotherFamily_isRefusedAndNothingChanges(DtsClient client, EmulatorControl control) {
        DtsClientException e = assertThrows(DtsClientException.class, () -> client.modifyDtsJobEndpoint(
                new ModifyDtsJobEndpointRequest().dtsJobId("m4312mab158****").endpoint(Endpoint.SRC)
                        .endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId("pgm-bp1pgnew000001")));
        assertEquals("DTS.Msg.InvalidEndpoint", e.code());
        assertEquals(1L, control.job("m4312mab158****").getVersion());
        assertEquals(Outcome.REFUSED, control.journal().get(0).getOutcome());
    }
}
// end::junit5[]
