package example;

// tag::poll[]
import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.model.DescribeDtsJobDetailResponse;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.emulator.control.model.Engine;
import dev.dtscontract.emulator.control.model.InstanceType;
import dev.dtscontract.emulator.control.model.JournalEntry;
import dev.dtscontract.emulator.control.model.Outcome;
import dev.dtscontract.emulator.junit.DtsEmulatorExtension;
import dev.dtscontract.emulator.junit.EmulatorControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PollUntilRunningTest {

    @RegisterExtension
    static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().build();

    /** The code under test: change the source, then poll DescribeDtsJobDetail until the job runs again. */
    static DescribeDtsJobDetailResponse moveSourceAndWait(DtsClient client, String jobId, String newSource, Runnable pause) {
        client.modifyDtsJobEndpoint(new ModifyDtsJobEndpointRequest().dtsJobId(jobId).endpoint(Endpoint.SRC)
                .endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId(newSource));
        DescribeDtsJobDetailResponse job = client.describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId(jobId));
        while ("Modifying".equals(job.getStatus())) {
            pause.run();
            job = client.describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId(jobId));
        }
        return job;
    }

    @Test
    void theJobRunsAgainOnTheNewSource(DtsClient client, EmulatorControl control) {
        control.putInstance("rm-orders-new-01", InstanceType.RDS, Engine.MYSQL, "cn-hangzhou");
        int[] pauses = {0};
        // Each pause moves the emulator's clock 10 s instead of sleeping: a changed job reads Modifying for 30 s.
        DescribeDtsJobDetailResponse job = moveSourceAndWait(client, "m4312mab158****", "rm-orders-new-01", () -> {
            pauses[0]++;
            control.advanceClock(Duration.ofSeconds(10));
        });
        assertEquals("Synchronizing", job.getStatus());
        assertEquals("rm-orders-new-01", job.getSourceEndpoint().getInstanceID());
        assertEquals(3, pauses[0]);
        // The request journal shows the change and the four reads, newest first.
        assertEquals(List.of(Outcome.READ, Outcome.READ, Outcome.READ, Outcome.READ, Outcome.APPLIED),
                control.journal().stream().map(JournalEntry::getOutcome).toList());
    }
}
// end::poll[]
