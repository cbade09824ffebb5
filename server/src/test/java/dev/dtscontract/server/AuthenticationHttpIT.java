package dev.dtscontract.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.tools.SignRequest;
import dev.dtscontract.server.auth.TestSigner;
import dev.dtscontract.server.domain.JobStore;
import dev.dtscontract.spec.SpecExamples;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication and authorization over HTTP, each error with its documented status. */
class AuthenticationHttpIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SAMPLE = SpecExamples.load().request("ModifyDtsJobEndpointDocumentedSample").query();

    static HttpResponse<String> get(EmbeddedServer server, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET signed by {@code key}. */
    static String signedBy(AccessKey key, String query) {
        return SignRequest.sign("GET", query, key, Instant.now());
    }

    static void assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"Code\":\"" + code + "\""), r.body());
    }

    @Nested
    @MicronautTest(environments = "test")
    class Defaults {
        @Inject
        EmbeddedServer server;

        @Test
        void unsignedRequest_isMissingAccessKeyId() throws Exception {
            assertError(get(server, SAMPLE), 400, "MissingParameter");
        }

        @Test
        void signedRequest_succeeds() throws Exception {
            assertEquals(200, get(server, TestSigner.signQuery("GET", SAMPLE)).statusCode());
        }

        @Test
        void replayedRequest_isSignatureNonceUsed() throws Exception {
            String signed = TestSigner.signQuery("GET", SAMPLE);
            assertEquals(200, get(server, signed).statusCode());
            assertError(get(server, signed), 400, "SignatureNonceUsed");
        }

        @Test
        void tamperedRequest_isSignatureDoesNotMatch() throws Exception {
            assertError(get(server, TestSigner.signQuery("GET", SAMPLE).replace("DryRun=true", "DryRun=false")), 400, "SignatureDoesNotMatch");
        }

        @Test
        void signatureOverValuesAsSent_acceptsAnyEnumCase() throws Exception {
            assertEquals(200, get(server, TestSigner.signQuery("GET", SAMPLE.replace("Endpoint=src", "Endpoint=SRC"))).statusCode());
        }

        @Test
        void unknownKey_is404() throws Exception {
            assertError(get(server, TestSigner.signQuery("GET", SAMPLE).replace("LTAI5tDemoAccessKey0001", "LTAI5tUnknownKey")), 404,
                    "InvalidAccessKeyId.NotFound");
        }

        @Test
        void expiredStsToken_is403() throws Exception {
            assertError(get(server, signedBy(TestSigner.key("STS.DemoExpiredKey00001"), SAMPLE)), 403, "InvalidSecurityToken.Expired");
        }

        @Test
        void anotherAccountsJob_isNoPermissionOperator() throws Exception {
            String query = "Action=ModifyDtsJobEndpoint&DtsJobId=jshanghai00001&Endpoint=dest&EndpointInstanceType=rds"
                    + "&EndpointInstanceId=rm-uf6mysql0000001&DryRun=true";
            assertError(get(server, TestSigner.signQuery("GET", query)), 403, "NoPermission.Operator");
        }

        @Test
        void anotherAccountsJobThroughAGrantedRole_isAllowed() throws Exception {
            String query = "Action=ModifyDtsJobEndpoint&DtsJobId=jshanghai00001&Endpoint=dest&EndpointInstanceType=rds"
                    + "&EndpointInstanceId=rm-uf6mysql0000001&DryRun=true&AliyunUid=1507800203002222&RoleName=ram-for-dts";
            assertEquals(200, get(server, TestSigner.signQuery("GET", query)).statusCode());
        }

        @Test
        void secrets_neverReachTheLog() throws Exception {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            ListAppender<ILoggingEvent> captured = new ListAppender<>();
            captured.start();
            root.addAppender(captured);
            try {
                get(server, TestSigner.signQuery("GET", SAMPLE.replace("DTStest%2A%2A%2A%2A", "Pa55word-In-Request")));
                get(server, TestSigner.signQuery("GET", SAMPLE + "&DryRun=maybe"));
                get(server, signedBy(TestSigner.key("STS.DemoExpiredKey00001"), SAMPLE));
            } finally {
                root.detachAppender(captured);
            }
            List<String> lines = new ArrayList<>();
            captured.list.forEach(e -> lines.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())));
            String log = String.join("\n", lines);
            for (String secret : List.of("Pa55word-In-Request", "DemoSecretForLocalUseOnly0001", "ExpiredStsSecretForLocalUse01",
                    "CAISExpiredDemoSecurityToken0001")) {
                assertFalse(log.contains(secret), "log contains a secret: " + log);
            }
        }
    }

    @Nested
    @MicronautTest(environments = "test")
    @Property(name = "dts.auth.rate-per-second", value = "1")
    @Property(name = "dts.auth.burst", value = "5")
    class Throttling {
        @Inject
        EmbeddedServer server;

        @Inject
        JobStore store;

        @Test
        void burstBeyondTheLimit_isThrottledAndChangesNothing() throws Exception {
            String change = "Action=ModifyDtsJobEndpoint&DtsJobId=jkafka00000001&Endpoint=dest&EndpointInstanceType=kafka"
                    + "&EndpointInstanceId=alikafka-cn-hz0002";
            long before = store.findByJobId("jkafka00000001").orElseThrow().version();
            int ok = 0;
            int throttled = 0;
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> r = get(server, TestSigner.signQuery("GET", change));
                if (r.statusCode() == 200) {
                    ok++;
                } else {
                    assertError(r, 400, "Throttling.User");
                    throttled++;
                }
            }
            assertTrue(ok >= 5 && ok <= 6, "the burst of 5 (and at most one refill) passes: " + ok);
            assertEquals(10 - ok, throttled);
            assertEquals(before + ok, store.findByJobId("jkafka00000001").orElseThrow().version(), "throttled requests change nothing");
        }
    }

    @Nested
    @MicronautTest(environments = "test")
    @Property(name = "dts.auth.enabled", value = "false")
    class Disabled {
        @Inject
        EmbeddedServer server;

        @Test
        void unsignedRequest_isAcceptedWhenAuthenticationIsExplicitlyOff() throws Exception {
            assertEquals(200, get(server, SAMPLE).statusCode());
        }
    }
}
