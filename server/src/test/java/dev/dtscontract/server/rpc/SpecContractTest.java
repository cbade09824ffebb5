package dev.dtscontract.server.rpc;

import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.spec.SpecExamples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecContractTest {

    private final SpecContract contract = SpecContract.load();

    @Test
    void requestExample_isTheSpecsExampleAsTheSpecParserReadsIt() {
        SpecExamples examples = SpecExamples.load();
        for (SpecExamples.RequestExample example : examples.requests()) {
            assertEquals(example.parameters(), SpecContract.requestExample(example.id()), example.id());
        }
    }

    @Test
    void everyCodeTheEmulatorRaises_isInTheSpecsCatalogue() {
        List<String> missing = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            if (contract.statusOf(code.wire()).isEmpty()) missing.add(code.wire());
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void catalogue_givesTheDocumentedStatuses() {
        assertEquals(400, contract.statusOf("Throttling.User").orElseThrow());
        assertEquals(403, contract.statusOf("NoPermission.Operator").orElseThrow());
        assertEquals(404, contract.statusOf("InvalidDtsJobId.NotFound").orElseThrow());
    }

    @Test
    void parameters_carryTheDocumentedRequiredFlags() {
        assertTrue(contract.parameters().get("Endpoint").required());
        assertTrue(contract.parameters().get("EndpointInstanceType").required());
        assertTrue(!contract.parameters().get("DtsJobId").required());
        assertTrue(contract.parameters().get("Action").required(), "Action: x-rpc-required (query, form or x-acs-action)");
        assertEquals(30, contract.parameters().size(), "20 documented parameters, ZeroEtlJob, Action and 8 common parameters");
        assertTrue(contract.parameters().keySet().stream().noneMatch(n -> n.startsWith("x-acs-")), "headers are not query parameters");
    }
}
