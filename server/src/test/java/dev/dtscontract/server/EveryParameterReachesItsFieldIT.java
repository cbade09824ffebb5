package dev.dtscontract.server;

import dev.dtscontract.server.auth.TestSigner;
import dev.dtscontract.server.domain.Direction;
import dev.dtscontract.server.domain.InstanceType;
import dev.dtscontract.server.domain.JobSide;
import dev.dtscontract.server.domain.ModifyDtsJobEndpoint;
import dev.dtscontract.server.domain.ModifyEndpointCommand;
import dev.dtscontract.server.domain.Outcome;
import dev.dtscontract.signing.UrlEncoded;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every parameter of the operation, each with its own value, lands in its own field of the domain command, over
 * HTTP, as GET and as a form POST. Two requests flip every boolean and enum, so swapping two of them cannot pass.
 */
@MicronautTest(environments = "test")
class EveryParameterReachesItsFieldIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<ModifyEndpointCommand> received = new CopyOnWriteArrayList<>();

    @Inject
    EmbeddedServer server;

    @MockBean(ModifyDtsJobEndpoint.class)
    ModifyDtsJobEndpoint recorder() {
        return (command, whenApplied) -> {
            received.add(command);
            return new Outcome(null, null, false);
        };
    }

    private static Map<String, String> distinct(boolean first) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "ModifyDtsJobEndpoint");
        p.put("RegionId", "region-1");
        p.put("DtsJobId", "job-2");
        p.put("DtsInstanceId", "instance-3");
        p.put("SynchronizationDirection", first ? "reverse" : "FORWARD");
        p.put("Endpoint", first ? "DEST" : "src");
        p.put("EndpointRegionId", "endpoint-region-4");
        p.put("EndpointInstanceType", first ? "Distributed_MongoDB" : "greenplum");
        p.put("EndpointInstanceId", "endpoint-instance-5");
        p.put("EndpointIp", "10.0.0.6");
        p.put("EndpointPort", "7");
        p.put("ModifyAccount", first ? "TRUE" : "false");
        p.put("Username", "user-8");
        p.put("Password", "password-9");
        p.put("Database", "database-10");
        p.put("ShardUsername", "shard-user-11");
        p.put("ShardPassword", "shard-password-12");
        p.put("RoleName", "role-13");
        p.put("AliyunUid", "uid-14");
        p.put("DryRun", first ? "false" : "True");
        p.put("ResourceGroupId", "rg-15");
        p.put("Format", first ? "xml" : "JSON");
        p.put("ZeroEtlJob", first ? "False" : "TRUE");
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST"})
    void everyParameter_arrivesInItsOwnField(String method) throws Exception {
        send(method, distinct(true));
        send(method, distinct(false));
        assertEquals(2, received.size());
        ModifyEndpointCommand a = received.get(0);
        ModifyEndpointCommand b = received.get(1);
        assertAll(
                () -> assertEquals("1507800203001111", a.actor().accountId().orElseThrow()),
                () -> assertEquals("region-1", a.regionId()),
                () -> assertEquals("job-2", a.dtsJobId()),
                () -> assertEquals("instance-3", a.dtsInstanceId()),
                () -> assertEquals(Direction.REVERSE, a.direction()),
                () -> assertEquals(Direction.FORWARD, b.direction()),
                () -> assertEquals(JobSide.DESTINATION, a.side()),
                () -> assertEquals(JobSide.SOURCE, b.side()),
                () -> assertEquals("endpoint-region-4", a.endpointRegionId()),
                () -> assertEquals(InstanceType.DISTRIBUTED_MONGODB, a.instanceType()),
                () -> assertEquals(InstanceType.GREENPLUM, b.instanceType()),
                () -> assertEquals("endpoint-instance-5", a.endpointInstanceId()),
                () -> assertEquals("10.0.0.6", a.endpointIp()),
                () -> assertEquals("7", a.endpointPort()),
                () -> assertEquals(true, a.modifyAccount()),
                () -> assertEquals(false, b.modifyAccount()),
                () -> assertEquals("user-8", a.username()),
                () -> assertEquals(true, a.password().matches("password-9")),
                () -> assertEquals("database-10", a.database()),
                () -> assertEquals("shard-user-11", a.shardUsername()),
                () -> assertEquals(true, a.shardPassword().matches("shard-password-12")),
                () -> assertEquals("role-13", a.roleName()),
                () -> assertEquals("uid-14", a.aliyunUid()),
                () -> assertEquals(false, a.dryRun()),
                () -> assertEquals(true, b.dryRun()),
                () -> assertEquals("rg-15", a.resourceGroupId()),
                () -> assertEquals(false, a.zeroEtlJob()),
                () -> assertEquals(true, b.zeroEtlJob()));
    }

    private void send(String method, Map<String, String> parameters) throws Exception {
        String signed = TestSigner.sign(method, parameters);
        HttpRequest.Builder request = method.equals("GET")
                ? HttpRequest.newBuilder(URI.create(server.getURL() + "/?" + signed)).GET()
                : HttpRequest.newBuilder(URI.create(server.getURL() + "/"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(signed));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(UrlEncoded.decode(signed).single().get("Format").equals("xml") ? "application/xml" : "application/json",
                response.headers().firstValue("Content-Type").orElse(""));
    }
}
