package dev.dtscontract.emulator.junit;

import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.emulator.control.model.Engine;
import dev.dtscontract.emulator.control.model.InstanceType;
import dev.dtscontract.emulator.control.model.JobView;
import dev.dtscontract.emulator.control.model.JournalEntry;
import dev.dtscontract.emulator.control.model.Outcome;
import dev.dtscontract.emulator.control.client.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DtsEmulatorExtensionTest {

    @RegisterExtension
    static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().build();

    private static ModifyDtsJobEndpointRequest moveSource(String dtsJobId, String newInstanceId) {
        return new ModifyDtsJobEndpointRequest().dtsJobId(dtsJobId).endpoint(Endpoint.SRC)
                .endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId(newInstanceId).password("Secr3t-Pass");
    }

    @Test
    void arrangedJob_isChangedByTheClient_andTheJournalShowsTheRequestMasked(DtsClient client, EmulatorControl control) {
        control.putInstance("rm-test-src-0001", InstanceType.RDS, Engine.MYSQL, "cn-hangzhou");
        control.putInstance("rm-test-new-0001", InstanceType.RDS, Engine.MYSQL, "cn-hangzhou");
        control.newJob("jtest000000001")
                .source(InstanceType.RDS, Engine.MYSQL, "rm-test-src-0001")
                .destination(InstanceType.RDS, Engine.MYSQL, "rm-bp1dst0mysql0001").put();

        client.modifyDtsJobEndpoint(moveSource("jtest000000001", "rm-test-new-0001"));

        JobView job = control.job("jtest000000001");
        assertEquals("rm-test-new-0001", job.getSource().getInstanceId());
        assertEquals("rm-bp1dst0mysql0001", job.getDestination().getInstanceId());
        assertEquals(2L, job.getVersion());
        assertEquals("2025-12-31T23:59:50Z", job.getCheckpoint(), "rolled back 10 s from the arranged checkpoint");
        assertEquals(1, job.getHistory().size());
        assertEquals("rm-test-src-0001", job.getHistory().get(0).getReplaced().getInstanceId());
        assertNull(job.getHistory().get(0).getReplacement().getPassword(), "without ModifyAccount the (absent) account is kept");

        List<JournalEntry> journal = control.journalOf("jtest000000001");
        assertEquals(1, journal.size());
        JournalEntry entry = journal.get(0);
        assertEquals(Outcome.APPLIED, entry.getOutcome());
        assertEquals(200, entry.getStatus());
        assertEquals("V3", entry.getSignature().getValue());
        assertEquals(DtsEmulatorExtension.DEMO_ACCESS_KEY_ID, entry.getAccessKeyId());
        assertEquals(DtsEmulatorExtension.DEMO_ACCOUNT, entry.getCaller());
        assertEquals("ModifyDtsJobEndpoint", entry.getAction());
        assertEquals("******", entry.getParameters().get("Password"));
        assertEquals("rm-test-new-0001", entry.getParameters().get("EndpointInstanceId"));
        assertEquals(job.getHistory().get(0).getRequestId(), entry.getRequestId());
        assertEquals("{\"HttpStatusCode\":\"200\",\"RequestId\":\"" + entry.getRequestId() + "\",\"Success\":true}", entry.getResponse(),
                "the journal keeps the body answered");
    }

    @Test
    void eachTest_startsFromTheSeed(EmulatorControl control) {
        assertTrue(control.api().listJobs().stream().noneMatch(j -> j.getDtsJobId().equals("jtest000000001")));
        assertEquals(1L, control.job("m4312mab158****").getVersion());
        assertTrue(control.journal().isEmpty());
    }

    @Test
    void injectedErrors_areAnsweredAndChangeNothing(DtsClient client, EmulatorControl control) {
        control.failNext(3, "ServiceUnavailable", "m4312mab158****");
        DtsClientException e = assertThrows(DtsClientException.class,
                () -> client.modifyDtsJobEndpoint(moveSource("m4312mab158****", "rm-bp1alt0mysql0002")));
        assertEquals("ServiceUnavailable", e.code());
        assertEquals(3, control.journal(Outcome.FAULT).size(), "the client retried ServiceUnavailable twice");
        assertEquals(1L, control.job("m4312mab158****").getVersion());
    }

    @Test
    void oneInjectedError_isRetriedPastByTheClient_andTheChangeAppliedOnce(DtsClient client, EmulatorControl control) {
        control.failNext(1, "Throttling.User", null);
        client.modifyDtsJobEndpoint(moveSource("m4312mab158****", "rm-bp1alt0mysql0002"));
        List<JournalEntry> journal = control.journal();
        assertEquals(List.of(Outcome.APPLIED, Outcome.FAULT), journal.stream().map(JournalEntry::getOutcome).toList());
        assertEquals("Throttling.User", journal.get(1).getCode());
        assertTrue(journal.get(1).getResponse().contains("\"Code\":\"Throttling.User\""), journal.get(1).getResponse());
        assertEquals(2L, control.job("m4312mab158****").getVersion());
    }

    @Test
    void droppedAnswer_theChangeWasAppliedOnce(DtsClient client, EmulatorControl control) {
        control.dropAfterApplyNext("m4312mab158****");
        DtsClientException e = assertThrows(DtsClientException.class,
                () -> client.modifyDtsJobEndpoint(moveSource("m4312mab158****", "rm-bp1alt0mysql0002")));
        assertEquals(0, e.status(), "no answer came");
        JobView job = control.job("m4312mab158****");
        assertEquals(2L, job.getVersion(), "applied exactly once: the client must not retry a request that may be applied");
        assertEquals(Outcome.FAULT, control.journalOf("m4312mab158****").get(0).getOutcome());
        assertNull(control.journalOf("m4312mab158****").get(0).getResponse(), "nothing was answered, so the journal shows no answer");
    }

    @Test
    void badEntity_isRefusedWithItsPosition_andNothingChanges(EmulatorControl control) {
        ApiException e = assertThrows(ApiException.class, () -> control.loadSeed("jobs:\n  - {dtsJobId: x}\n"));
        assertEquals(400, e.getCode());
        assertTrue(e.getResponseBody().contains("\"line\":2"), e.getResponseBody());
        assertEquals(1L, control.job("m4312mab158****").getVersion());
    }

    @Test
    void unknownJob_isNotFound(EmulatorControl control) {
        assertThrows(java.util.NoSuchElementException.class, () -> control.job("jnosuchjob00001"));
    }

    @Test
    void keyAddedAtRunTime_signsRequests(EmulatorControl control) {
        control.putAccessKey(DtsEmulatorExtension.DEMO_ACCOUNT, "LTAI5tTestKey000001", "test-secret-0001");
        try (DtsClient other = DtsClient.builder().endpoint(dts.url())
                .credentials(dev.dtscontract.client.Credentials.of("LTAI5tTestKey000001", "test-secret-0001")).build()) {
            other.modifyDtsJobEndpoint(moveSource("m4312mab158****", "rm-bp1alt0mysql0002").dryRun(true));
        }
        JournalEntry entry = control.journal().get(0);
        assertEquals("LTAI5tTestKey000001", entry.getAccessKeyId());
        assertEquals(Outcome.DRY_RUN, entry.getOutcome());
        assertNull(entry.getCode());
        assertEquals(1L, control.job("m4312mab158****").getVersion(), "a dry run changes nothing");
    }

    @Test
    void eachJournalFilter_selectsByItsOwnQueryParameter(DtsClient client, EmulatorControl control) {
        java.time.Instant before = control.now();
        client.modifyDtsJobEndpoint(moveSource("m4312mab158****", "rm-bp1alt0mysql0002").dryRun(true));
        client.describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId("ta7w132u12h****"));
        assertThrows(DtsClientException.class, () -> client.describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId("jnosuchjob00001")));
        // Each filter alone selects a different entry: a filter handed to another query parameter selects none or others.
        assertEquals(List.of(Outcome.REFUSED, Outcome.READ),
                outcomes(control, EmulatorControl.JournalFilter.newest(10).action("DescribeDtsJobDetail")));
        assertEquals(List.of(Outcome.READ), outcomes(control, EmulatorControl.JournalFilter.newest(10).dtsJobId("ta7w132u12h****")));
        assertEquals(List.of(Outcome.REFUSED), outcomes(control, EmulatorControl.JournalFilter.newest(10).code("InvalidDtsJobId.NotFound")));
        assertEquals(List.of(Outcome.DRY_RUN), outcomes(control, EmulatorControl.JournalFilter.newest(10).outcome(Outcome.DRY_RUN)));
        assertEquals(List.of(Outcome.REFUSED, Outcome.READ, Outcome.DRY_RUN),
                outcomes(control, EmulatorControl.JournalFilter.newest(10).since(before)));
        assertEquals(List.of(Outcome.REFUSED), outcomes(control, EmulatorControl.JournalFilter.newest(1)));
        assertEquals(List.of(), outcomes(control, EmulatorControl.JournalFilter.newest(10).since(control.now().plusSeconds(1))));
    }

    private static List<Outcome> outcomes(EmulatorControl control, EmulatorControl.JournalFilter filter) {
        return control.journal(filter).stream().map(JournalEntry::getOutcome).toList();
    }

    /** C-SNAPSHOT from a test: save the world with its secrets, change it, load it back, the change is gone. */
    @Test
    void aSnapshotWithSecrets_bringsTheSameWorldBack(DtsClient client, EmulatorControl control) {
        String saved = control.snapshotWithSecrets();
        assertTrue(saved.contains("\"secrets\":\"INCLUDED\""), saved);
        assertFalse(control.snapshot().toString().contains("DemoSecretForLocalUseOnly0001"), "masked unless asked");
        client.modifyDtsJobEndpoint(moveSource("m4312mab158****", "rm-bp1alt0mysql0002"));
        assertEquals(2L, control.job("m4312mab158****").getVersion());
        assertEquals(2L, control.snapshot().getHistories().get(0).getVersion());
        control.loadSnapshot(saved);
        assertEquals(1L, control.job("m4312mab158****").getVersion());
        assertEquals("rm-bp1src0mysql0001", control.job("m4312mab158****").getSource().getInstanceId());
        client.modifyDtsJobEndpoint(moveSource("m4312mab158****", "rm-bp1alt0mysql0002")); // the demo key's secret came back
        assertEquals(2L, control.job("m4312mab158****").getVersion());
    }
}
