package dev.dtscontract.server.rpc;

import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter rules checked against the real spec from the api-spec jar. */
class RpcParametersTest {

    private static final RpcParameters PARAMETERS = new RpcParameters(SpecContract.load().parameters());

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return out;
    }

    private static UrlEncoded.Decoded decoded(Map<String, List<String>> values) {
        return new UrlEncoded.Decoded(values, List.of());
    }

    private static Map<String, List<String>> minimal(String... extra) {
        Map<String, List<String>> q = query("Action", "ModifyDtsJobEndpoint", "Endpoint", "src", "EndpointInstanceType", "rds");
        q.putAll(query(extra));
        return q;
    }

    private static Map<String, String> canonicalize(Map<String, List<String>> query, Map<String, List<String>> form) {
        return PARAMETERS.canonicalize(PARAMETERS.merge(decoded(query), decoded(form)));
    }

    private static RuleViolation rejected(Map<String, List<String>> query, Map<String, List<String>> form) {
        return assertThrows(RuleViolation.class, () -> canonicalize(query, form));
    }

    @Test
    void enums_matchInAnyCaseAndAreCanonicalised() {
        Map<String, String> out = canonicalize(query("Action", "ModifyDtsJobEndpoint", "Endpoint", "SRC",
                "EndpointInstanceType", "Distributed_MongoDB", "SynchronizationDirection", "reverse", "Format", "xml"), Map.of());
        assertAll(
                () -> assertEquals("src", out.get("Endpoint")),
                () -> assertEquals("distributed_mongodb", out.get("EndpointInstanceType")),
                () -> assertEquals("Reverse", out.get("SynchronizationDirection")),
                () -> assertEquals("XML", out.get("Format")));
    }

    @Test
    void unknownEnumValue_namesTheParameterAndListsValidValues() {
        RuleViolation v = rejected(query("Action", "ModifyDtsJobEndpoint", "Endpoint", "src", "EndpointInstanceType", "oracle"), Map.of());
        assertEquals(ErrorCode.INVALID_PARAMETER, v.code());
        assertEquals("R-ENUM", v.ruleId());
        assertTrue(v.getMessage().contains("\"EndpointInstanceType\""), v.getMessage());
        assertTrue(v.getMessage().contains("rds, polardb, mongodb, distributed_mongodb, greenplum, kafka, ecs, express, other"), v.getMessage());
    }

    @Test
    void optionalEnumWithUnknownValue_isRejectedNotDropped() {
        RuleViolation v = rejected(minimal("SynchronizationDirection", "Sideways"), Map.of());
        assertEquals("R-ENUM", v.ruleId());
    }

    @Test
    void booleans_acceptOnlyTrueOrFalseInAnyCase() {
        assertEquals("true", canonicalize(minimal("DryRun", "TRUE"), Map.of()).get("DryRun"));
        assertEquals("false", canonicalize(minimal("ModifyAccount", "False"), Map.of()).get("ModifyAccount"));
        for (String bad : List.of("yes", "on", "1", "maybe")) {
            RuleViolation v = rejected(minimal("DryRun", bad), Map.of());
            assertEquals("R-BOOLEAN", v.ruleId(), bad);
            assertEquals(ErrorCode.INVALID_PARAMETER, v.code());
        }
    }

    @Test
    void missingRequiredParameter_isMissingParameterNamingIt() {
        RuleViolation v = rejected(query("Action", "ModifyDtsJobEndpoint", "EndpointInstanceType", "rds"), Map.of());
        assertEquals(ErrorCode.MISSING_PARAMETER, v.code());
        assertTrue(v.getMessage().contains("\"Endpoint\""), v.getMessage());
    }

    @Test
    void emptyValue_countsAsAbsent() {
        RuleViolation v = rejected(query("Action", "ModifyDtsJobEndpoint", "Endpoint", "", "EndpointInstanceType", "rds"), Map.of());
        assertEquals(ErrorCode.MISSING_PARAMETER, v.code());
    }

    @Test
    void otherAction_isInvalidActionNotFound() {
        RuleViolation v = rejected(minimal("Action", "DescribeDtsJobs"), Map.of());
        assertEquals(ErrorCode.INVALID_ACTION, v.code());
        assertEquals("R-ACTION", v.ruleId());
    }

    @Test
    void missingAction_isReportedFirst() {
        RuleViolation v = rejected(query("DtsJobId", "x"), Map.of());
        assertTrue(v.getMessage().contains("\"Action\""), v.getMessage());
    }

    @Test
    void formAndQuery_areMerged() {
        Map<String, String> out = canonicalize(query("Action", "ModifyDtsJobEndpoint"),
                query("Endpoint", "dest", "EndpointInstanceType", "kafka"));
        assertEquals("dest", out.get("Endpoint"));
        assertEquals("kafka", out.get("EndpointInstanceType"));
    }

    @Test
    void sameValueInQueryAndForm_isAccepted() {
        assertEquals("src", canonicalize(minimal(), query("Endpoint", "src")).get("Endpoint"));
    }

    @Test
    void differentValuesInQueryAndForm_areInvalid() {
        RuleViolation v = rejected(minimal(), query("Endpoint", "dest"));
        assertEquals("R-SINGLE-VALUE", v.ruleId());
        assertEquals(ErrorCode.INVALID_PARAMETER, v.code());
    }

    @Test
    void repeatedQueryParameterWithDifferentValues_isInvalid() {
        RuleViolation v = rejected(minimal("DtsJobId", "a", "DtsJobId", "b"), Map.of());
        assertEquals("R-SINGLE-VALUE", v.ruleId());
    }

    @Test
    void manyValues_areNamedUpToThree_theRestElided_inTheOrderSent() {
        RuleViolation v = rejected(minimal("DtsJobId", "a", "DtsJobId", "b", "DtsJobId", "c", "DtsJobId", "d"), Map.of());
        assertEquals("The specified parameter \"DtsJobId\" is not valid: it has more than one value: a, b, c, ....", v.getMessage());
        RuleViolation three = rejected(minimal("DtsJobId", "a", "DtsJobId", "b", "DtsJobId", "a", "DtsJobId", "c"), Map.of());
        assertEquals("The specified parameter \"DtsJobId\" is not valid: it has more than one value: a, b, c.", three.getMessage());
    }

    @Test
    void theFirstParameterWithTwoValues_isNamed_notOneGivenTwiceWithOneValue() {
        RuleViolation v = rejected(minimal("DtsJobId", "same", "DtsJobId", "same", "RegionId", "x", "RegionId", "y"), Map.of());
        assertEquals("The specified parameter \"RegionId\" is not valid: it has more than one value: x, y.", v.getMessage());
    }

    @Test
    void aSecretOrAnUnknownParameterGivenTwice_showsNoValue() {
        RuleViolation secret = rejected(minimal("Password", "first-secret", "Password", "second-secret"), Map.of());
        assertEquals("The specified parameter \"Password\" is not valid: it has more than one value: ******, ******.", secret.getMessage());
        RuleViolation unknown = rejected(minimal("NotInTheSpec", "s1", "NotInTheSpec", "s2"), Map.of());
        assertEquals("The specified parameter \"NotInTheSpec\" is not valid: it has more than one value.", unknown.getMessage());
    }

    @Test
    void missingRequiredParameters_nameActionFirst_thenTheOthersInOrder() {
        RuleViolation v = assertThrows(RuleViolation.class, () -> PARAMETERS.canonicalize(PARAMETERS.merge(decoded(query("DtsJobId", "j")),
                decoded(Map.of()))));
        assertTrue(v.getMessage().contains("\"Action\""), v.getMessage());
        RuleViolation next = assertThrows(RuleViolation.class, () -> PARAMETERS.canonicalize(PARAMETERS.merge(
                decoded(query("Action", "ModifyDtsJobEndpoint")), decoded(Map.of()))));
        assertTrue(next.getMessage().contains("\"Endpoint\""), next.getMessage());
    }

    @Test
    void malformedTimestamp_isInvalidTimeStampFormat() {
        RuleViolation v = rejected(minimal("Timestamp", "2016-02-23 12:46:24"), Map.of());
        assertEquals(ErrorCode.TIMESTAMP_FORMAT, v.code());
    }

    @Test
    void rejectedPassword_isNeverEchoed() {
        RuleViolation v = rejected(minimal("Password", "a", "Password", "TopSecret#1"), Map.of());
        assertFalse(v.getMessage().contains("TopSecret"), v.getMessage());
    }

    @Test
    void merge_keepsValuesAsSentForTheSignature() {
        Map<String, String> sent = PARAMETERS.merge(decoded(minimal("Endpoint", "SRC", "DtsJobId", "")), decoded(Map.of()));
        assertEquals("SRC", sent.get("Endpoint"));
        assertEquals("", sent.get("DtsJobId"));
    }

    @Test
    void parametersOutsideTheSpec_passThrough() {
        assertEquals("abc=", canonicalize(minimal("Signature", "abc="), Map.of()).get("Signature"));
    }
}
