package dev.dtscontract.contract;

import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.SignatureAlgorithm;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.model.DescribeDtsJobDetailResponse;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.emulator.junit.EmulatorControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The flow teams run, through the generated client against the emulator (both signatures): read the job, precheck the
 * change (DryRun), apply it, poll DescribeDtsJobDetail until the job runs again (R-READ-STATUS: Modifying for
 * dts.jobs.modifying-seconds of the emulator's clock, which the test-control API moves), read the new endpoint and the
 * rolled-back checkpoint back (R-OFFSET-ROLLBACK); another account cannot read it (R-READ-VISIBLE).
 */
class ModifyPollReadFlowTest {

    private static final String JOB = "ta7w132u12h****";

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    private static EmulatorControl control() {
        return emulator.examples().control();
    }

    @AfterEach
    void backToTheSeed() {
        control().reset();
    }

    private static DescribeDtsJobDetailResponse read(DtsClient client) {
        return client.describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId(JOB).regionId("cn-hangzhou"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SignatureAlgorithm.class)
    void precheck_apply_pollUntilRunning_readTheEndpointBack(SignatureAlgorithm algorithm) {
        try (DtsClient client = DtsClient.builder().endpoint(emulator.url()).credentials(DemoCredentials.DEMO)
                .signatureAlgorithm(algorithm).build()) {
            // tag::flow[]
            DescribeDtsJobDetailResponse before = read(client);
            assertEquals("Synchronizing", before.getStatus());
            assertEquals("rm-bp1src0mysql0001", before.getSourceEndpoint().getInstanceID());
            ModifyDtsJobEndpointRequest change = new ModifyDtsJobEndpointRequest().dtsJobId(JOB).endpoint(Endpoint.SRC)
                    .endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId("rm-bp1alt0mysql0002");

            client.modifyDtsJobEndpoint(change.dryRun(true));
            DescribeDtsJobDetailResponse prechecked = read(client);
            assertEquals("Synchronizing", prechecked.getStatus(), "a precheck changes nothing");
            assertEquals("rm-bp1src0mysql0001", prechecked.getSourceEndpoint().getInstanceID());

            client.modifyDtsJobEndpoint(change.dryRun(false));
            DescribeDtsJobDetailResponse changing = read(client);
            assertAll(
                    () -> assertEquals("Modifying", changing.getStatus()),
                    () -> assertEquals("rm-bp1alt0mysql0002", changing.getSourceEndpoint().getInstanceID()),
                    () -> assertEquals(before.getCheckpoint() - 10, changing.getCheckpoint()),
                    () -> assertEquals(before.getDestinationEndpoint().getInstanceID(), changing.getDestinationEndpoint().getInstanceID()));

            assertEquals("Modifying", control().job(JOB).getStatusNow(), "the control API (and the console) show what a read shows");
            assertEquals("Synchronizing", control().job(JOB).getStatus(), "the status it returns to");
            int polls = 0;
            DescribeDtsJobDetailResponse now = changing;
            while (!"Synchronizing".equals(now.getStatus())) {
                assertEquals("Modifying", now.getStatus());
                control().advanceClock(Duration.ofSeconds(10)); // the poll's wait, on the emulator's clock
                now = read(client);
                polls++;
            }
            // end::flow[]
            assertEquals("Synchronizing", control().job(JOB).getStatusNow(), "the control API's view agrees, once settled");
            assertEquals(3, polls, "Modifying for the default 30 s: three 10 s waits");
            assertEquals("rm-bp1alt0mysql0002", now.getSourceEndpoint().getInstanceID());
            assertEquals(before.getCheckpoint() - 10, now.getCheckpoint());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SignatureAlgorithm.class)
    void anotherAccount_cannotReadTheJob(SignatureAlgorithm algorithm) {
        try (DtsClient client = DtsClient.builder().endpoint(emulator.url()).credentials(DemoCredentials.of("LTAI5tOtherAccessKey001"))
                .signatureAlgorithm(algorithm).build()) {
            DtsClientException e = assertThrows(DtsClientException.class, () -> read(client));
            assertEquals(404, e.status());
            assertEquals("InvalidDtsJobId.NotFound", e.code());
        }
        Ledger.RULES.add("R-READ-VISIBLE");
    }
}
