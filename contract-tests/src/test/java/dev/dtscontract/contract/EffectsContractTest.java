package dev.dtscontract.contract;

import dev.dtscontract.emulator.control.model.JobEndpoint;
import dev.dtscontract.emulator.control.model.JobView;
import dev.dtscontract.emulator.junit.EmulatorControl;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.RequestExample;
import dev.dtscontract.verifier.Comparisons;
import dev.dtscontract.verifier.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the spec's requests do to a job, read back through the test-control API (over HTTP, from the emulator as users
 * start it): an applied change replaces the endpoint, bumps the version, rolls the checkpoint back 10 seconds and keeps
 * or replaces the account as ModifyAccount says (R-OFFSET-ROLLBACK, R-ACCOUNT-ONLY-WITH-MODIFY); a dry run, a refused
 * request and a throttled one change nothing (R-DRY-RUN, R-THROTTLING). Over HTTP a dry run and an applied change
 * answer the same body: only the state tells them apart.
 */
class EffectsContractTest {

    private static final SpecExamples SPEC = SpecExamples.load();
    private static final String SEEDED_CHECKPOINT = "2026-11-24T08:00:00Z";
    private static final String ROLLED_BACK_CHECKPOINT = "2026-11-24T07:59:50Z";

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    @AfterEach
    void backToTheSeed() {
        control().reset();
    }

    @Test
    void anAppliedChange_replacesTheSource_bumpsTheVersion_rollsTheCheckpointBack_andKeepsTheAccountWithoutModifyAccount() {
        RequestExample applied = SPEC.request("ModifyDtsJobEndpointAppliedKeepsAccount");
        JobView before = control().job("m4312mab158****");
        assertEquals(SEEDED_CHECKPOINT, before.getCheckpoint());

        assertEquals(200, send(applied, Map.of()).status());

        JobView after = control().job("m4312mab158****");
        assertEquals("rm-bp1alt0mysql0002", after.getSource().getInstanceId());
        assertEquals(before.getVersion() + 1, after.getVersion());
        assertEquals(ROLLED_BACK_CHECKPOINT, after.getCheckpoint());
        assertEquals("dts_src", after.getSource().getUsername()); // Username=ignored_user without ModifyAccount
        assertEquals("******", after.getSource().getPassword());
        assertEquals(before.getDestination(), after.getDestination());
        assertEquals(before.getHistory().size() + 1, after.getHistory().size());
        var change = after.getHistory().get(after.getHistory().size() - 1);
        assertEquals(after.getVersion(), change.getVersion());
        assertEquals("rm-bp1src0mysql0001", change.getReplaced().getInstanceId());
        assertEquals("rm-bp1alt0mysql0002", change.getReplacement().getInstanceId());
        assertEquals(DemoCredentials.DEMO.accessKeyId(), change.getAccessKeyId());
        assertEquals(before.getStatus(), after.getStatus());
        assertEquals(before.getLatencySeconds(), after.getLatencySeconds());
    }

    @Test
    void anAppliedChangeWithModifyAccount_replacesTheAccountAndTheShardAccount() {
        // The spec's precheck of a new sharded-cluster source with new accounts, this time applied.
        RequestExample shards = SPEC.request("ModifyDtsJobEndpointAcceptedMongoDbShards");
        JobView before = control().job("jmongoshard0001");

        assertEquals(200, send(shards, Map.of("DryRun", "false")).status());

        JobEndpoint source = control().job("jmongoshard0001").getSource();
        assertEquals("dds-bp1shard4b0001", source.getInstanceId());
        assertEquals("root2", source.getUsername());
        assertEquals("shard2", source.getShardUsername());
        assertEquals("admin", source.getDatabase());
        assertEquals("******", source.getPassword());
        assertEquals("******", source.getShardPassword());
        assertEquals(before.getVersion() + 1, control().job("jmongoshard0001").getVersion());
    }

    @Test
    void aDryRun_changesNothing() {
        RequestExample sample = SPEC.request(ProviderContractTest.SAMPLE);
        JobView before = control().job("m4312mab158****");

        assertEquals(200, send(sample, Map.of()).status());

        assertEquals(before, control().job("m4312mab158****"));
    }

    @Test
    void aRefusedRequest_changesNothing_evenWithoutDryRun() {
        RequestExample refused = SPEC.request("ModifyDtsJobEndpointMissingDatabasePostgreSql");
        JobView before = control().job("jpgok000000001");

        assertEquals(400, send(refused, Map.of("DryRun", "false")).status());

        assertEquals(before, control().job("jpgok000000001"));
    }

    @Test
    void aThrottledRequest_changesNothing() {
        // One request per second: the first change is applied, the same change sent right after is throttled.
        Emulator slow = new Emulator(Map.of("dts.auth.rate-per-second", 1, "dts.auth.burst", 1));
        slow.beforeAll(null);
        try {
            RequestExample applied = SPEC.request("ModifyDtsJobEndpointAppliedKeepsAccount");
            SpecRequests examples = slow.examples();
            long seeded = examples.control().job("m4312mab158****").getVersion();
            assertEquals(200, examples.sendKeepingChanges("first", applied, Map.of()).status());
            JobView once = examples.control().job("m4312mab158****");

            Exchange second = examples.sendKeepingChanges("second", applied, Map.of());

            assertEquals(List.of(), Comparisons.against(SPEC.response("ModifyDtsJobEndpointThrottlingUser", "application/json"), second));
            assertEquals(seeded + 1, once.getVersion());
            assertEquals(once, examples.control().job("m4312mab158****"));
        } finally {
            slow.afterAll(null);
        }
    }

    private static Exchange send(RequestExample example, Map<String, String> extra) {
        return emulator.examples().sendKeepingChanges(example.id(), example, extra);
    }

    private static EmulatorControl control() {
        return emulator.examples().control();
    }
}
