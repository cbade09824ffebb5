package dev.dtscontract.server.rpc;

import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.spec.SpecContract;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge's choice of operation by Action (R-REQUIRED, R-ACTION), and each operation's own parameters. */
class RpcOperationsTest {

    /** Answers as the edge gives them: a violation without a message of its own is answered with the spec's. */
    private static final dev.dtscontract.server.rpc.ErrorBodies ANSWERS =
            new dev.dtscontract.server.rpc.ErrorBodies(dev.dtscontract.spec.SpecContract.load());

    private final RpcOperations operations = new RpcOperations(SpecContract.load());

    @Test
    void anActionOfTheSpec_namesItsOperation_exactlyAsSpelt() {
        assertEquals("ModifyDtsJobEndpoint", operations.actionOf(Map.of("Action", "ModifyDtsJobEndpoint")));
        assertEquals("DescribeDtsJobDetail", operations.actionOf(Map.of("Action", "DescribeDtsJobDetail")));
        RuleViolation otherCase = assertThrows(RuleViolation.class, () -> operations.actionOf(Map.of("Action", "describedtsjobdetail")));
        assertEquals("R-ACTION", otherCase.ruleId());
        assertEquals(ErrorCode.INVALID_ACTION, otherCase.code());
        assertEquals("Specified api is not found, please check your url and method.", ANSWERS.message(otherCase));
    }

    @Test
    void noAction_orAnEmptyOne_isMissing() {
        for (Map<String, String> sent : java.util.List.of(Map.<String, String>of(), Map.of("Action", ""))) {
            RuleViolation v = assertThrows(RuleViolation.class, () -> operations.actionOf(sent));
            assertEquals("R-REQUIRED", v.ruleId());
            assertEquals(ErrorCode.MISSING_PARAMETER, v.code());
            assertEquals("The input parameter \"Action\" that is mandatory for processing this request is not supplied.", v.getMessage());
        }
    }

    @Test
    void eachOperation_checksItsOwnParameters_andTheMergeKnowsEveryOperationsSecrets() {
        // DescribeDtsJobDetail requires DtsJobId; ModifyDtsJobEndpoint does not (R-JOB-ID asks for it or DtsInstanceId).
        RuleViolation missing = assertThrows(RuleViolation.class,
                () -> operations.of("DescribeDtsJobDetail").canonicalize(Map.of("Action", "DescribeDtsJobDetail")));
        assertEquals("The input parameter \"DtsJobId\" that is mandatory for processing this request is not supplied.", missing.getMessage());
        assertEquals("Forward", operations.of("DescribeDtsJobDetail")
                .canonicalize(Map.of("Action", "DescribeDtsJobDetail", "DtsJobId", "j", "SynchronizationDirection", "forward"))
                .get("SynchronizationDirection"));
        assertEquals("true", operations.of("DescribeDtsJobDetail")
                .canonicalize(Map.of("Action", "DescribeDtsJobDetail", "DtsJobId", "j", "SyncSubJobHistory", "TRUE")).get("SyncSubJobHistory"));
        RuleViolation twice = assertThrows(RuleViolation.class, () -> operations.anyOperation().merge(
                dev.dtscontract.signing.UrlEncoded.decode("Password=a"), dev.dtscontract.signing.UrlEncoded.decode("Password=b")));
        assertTrue(twice.getMessage().contains("******") && !twice.getMessage().contains("a, b"), twice.getMessage());
    }
}
