package dev.dtscontract.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.client.model.SynchronizationDirection;
import dev.dtscontract.spec.SpecExamples;
import dev.dtscontract.spec.SpecExamples.ResponseExample;
import dev.dtscontract.spec.SpecModel;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every parameter of the operation, each set through its own setter to a value no other has, arrives under its own spec
 * name with its own value, with either signature: two parameters swapped on the wire, or one sent under a Java name,
 * fails here even when the documented sample's ten parameters are right.
 */
class EveryParameterReachesTheWireTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            entry("RegionId", "cn-region-01"), entry("DtsJobId", "job-02"), entry("DtsInstanceId", "instance-03"),
            entry("SynchronizationDirection", "Reverse"), entry("Endpoint", "dest"), entry("EndpointRegionId", "cn-region-06"),
            entry("EndpointInstanceType", "polardb"), entry("EndpointInstanceId", "endpoint-instance-08"),
            entry("EndpointIp", "10.0.0.9"), entry("EndpointPort", "10010"), entry("ModifyAccount", "true"),
            entry("Username", "user-12"), entry("Password", "password-13"), entry("Database", "database-14"),
            entry("ShardUsername", "shard-user-15"), entry("ShardPassword", "shard-password-16"), entry("RoleName", "role-17"),
            entry("AliyunUid", "uid-18"), entry("DryRun", "false"), entry("ResourceGroupId", "rg-20"), entry("ZeroEtlJob", "true"));

    private static ModifyDtsJobEndpointRequest everyParameter() {
        return new ModifyDtsJobEndpointRequest().regionId("cn-region-01").dtsJobId("job-02").dtsInstanceId("instance-03")
                .synchronizationDirection(SynchronizationDirection.REVERSE).endpoint(Endpoint.DEST).endpointRegionId("cn-region-06")
                .endpointInstanceType(EndpointInstanceType.POLARDB).endpointInstanceId("endpoint-instance-08")
                .endpointIp("10.0.0.9").endpointPort("10010").modifyAccount(true).username("user-12").password("password-13")
                .database("database-14").shardUsername("shard-user-15").shardPassword("shard-password-16").roleName("role-17")
                .aliyunUid("uid-18").dryRun(false).resourceGroupId("rg-20").zeroEtlJob(true);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SignatureAlgorithm.class)
    void everyParameter_arrivesUnderItsOwnSpecName_withItsOwnValue(SignatureAlgorithm algorithm) {
        ResponseExample ok = SpecExamples.load().response("ModifyDtsJobEndpointDocumentedSample", "application/json");
        wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", ok.mediaType()).withBody(ok.body())));
        try (DtsClient client = DtsClient.builder().endpoint(wm.baseUrl()).credentials(Credentials.of("LTAI5tTestKey", "test-secret-value"))
                .signatureAlgorithm(algorithm).build()) {
            client.modifyDtsJobEndpoint(everyParameter());
        }
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo("/"))).get(0);
        Map<String, String> query = new TreeMap<>();
        sent.getQueryParams().forEach((name, value) -> query.put(name, value.firstValue()));
        EXPECTED.forEach((name, value) -> assertEquals(value, query.get(name), name + " on the wire (" + algorithm + ")"));
        assertEquals(EXPECTED.size(), EXPECTED.values().stream().filter(v -> !v.equals("true") && !v.equals("false")).distinct().count() + 3,
                "every value but the three booleans is used once, so a swap cannot go unseen");
        // The spec's query parameters, and the query parameter of its RPC signature scheme (Signature).
        Set<String> specNames = SpecModel.model().getComponents().getParameters().values().stream()
                .filter(p -> "query".equals(p.getIn())).map(p -> p.getName()).collect(Collectors.toSet());
        SpecModel.model().getComponents().getSecuritySchemes().values().stream()
                .filter(s -> s.getIn() != null && s.getIn().toString().equals("query")).forEach(s -> specNames.add(s.getName()));
        assertTrue(specNames.containsAll(query.keySet()), "names the spec does not have: " + query.keySet().stream()
                .filter(n -> !specNames.contains(n)).toList());
        Set<String> operationParameters = dev.dtscontract.spec.SpecContract.load().parameters().keySet().stream().filter(n -> !Set.of("Action", "Version", "Format", "AccessKeyId",
                "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "SecurityToken").contains(n))
                .collect(Collectors.toSet());
        assertEquals(operationParameters, EXPECTED.keySet(), "this test sets every operation parameter the spec has");
    }
}
