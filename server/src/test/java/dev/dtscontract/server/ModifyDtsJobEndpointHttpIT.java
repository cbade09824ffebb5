package dev.dtscontract.server;

import dev.dtscontract.server.auth.TestSigner;
import dev.dtscontract.server.domain.JobStore;
import dev.dtscontract.spec.SpecExamples;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator over HTTP: request shapes, formats, and bad input caught by the framework. */
@MicronautTest(environments = "test")
class ModifyDtsJobEndpointHttpIT {

    /** The document's sample request, from the spec (encoded: * is %2A). */
    static final String SAMPLE = SpecExamples.load().request("ModifyDtsJobEndpointDocumentedSample").query();
    static final String REQUEST_ID = "\"RequestId\":\"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\"";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    JobStore store;

    static String example(String id) {
        return SpecExamples.load().request(id).query();
    }

    /** A signed GET of these parameters. */
    HttpResponse<String> get(String query) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/?" + TestSigner.signQuery("GET", query))).GET());
    }

    /** A signed POST: the signature parameters go where the others are (the form, unless it is empty). */
    HttpResponse<String> postForm(String query, String body) throws IOException, InterruptedException {
        boolean inForm = !body.isEmpty();
        String signed = TestSigner.signQuery("POST", inForm ? (query.isEmpty() ? body : query + "&" + body) : query);
        String signedForm = inForm ? withoutQueryPart(signed, query) : "";
        return send(HttpRequest.newBuilder(uri("/?" + (inForm ? query : signed)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(signedForm)));
    }

    /** An unsigned POST, for input rejected before authentication. */
    HttpResponse<String> postRaw(String query, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/?" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The signed parameters minus those already in the query string. */
    private static String withoutQueryPart(String signed, String query) {
        java.util.Map<String, String> all = TestSigner.decode(signed);
        TestSigner.decode(query).keySet().forEach(all::remove);
        return TestSigner.encode(all);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.getURL() + pathAndQuery);
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertAll(
                () -> assertEquals(status, response.statusCode(), response.body()),
                () -> assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("")),
                () -> assertTrue(response.body().contains("\"Code\":\"" + code + "\""), response.body()),
                () -> assertTrue(response.body().contains("\"ErrCode\":\"" + code + "\""), response.body()),
                () -> assertTrue(response.body().contains("\"HttpStatusCode\":\"" + status + "\""), response.body()),
                () -> assertTrue(response.body().contains("\"Success\":false"), response.body()),
                () -> assertTrue(response.body().matches(".*" + REQUEST_ID + ".*"), response.body()));
    }

    @Nested
    class RequestShapes {
        @Test
        void documentedSampleAsGet_succeeds() throws Exception {
            HttpResponse<String> r = get(SAMPLE);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
            assertTrue(r.body().matches("\\{\"HttpStatusCode\":\"200\"," + REQUEST_ID + ",\"Success\":true}"), r.body());
        }

        @Test
        void postWithParametersInQueryAndEmptyForm_succeeds() throws Exception {
            HttpResponse<String> r = postForm(SAMPLE, "");
            assertEquals(200, r.statusCode(), r.body());
        }

        @Test
        void postWithParametersInFormBody_succeeds() throws Exception {
            HttpResponse<String> r = postForm("", SAMPLE);
            assertEquals(200, r.statusCode(), r.body());
        }

        @Test
        void postFormWithoutRequiredParameter_isMissingParameterLikeGet() throws Exception {
            String withoutEndpoint = example("ModifyDtsJobEndpointMissingEndpoint");
            assertError(get(withoutEndpoint), 400, "MissingParameter");
            assertError(postForm("", withoutEndpoint), 400, "MissingParameter");
        }

        @Test
        void appliedChangeByForm_changesTheJob() throws Exception {
            long before = store.findByJobId("jkafka00000001").orElseThrow().version();
            HttpResponse<String> r = postForm("", "Action=ModifyDtsJobEndpoint&DtsJobId=jkafka00000001&Endpoint=dest"
                    + "&EndpointInstanceType=KAFKA&EndpointInstanceId=alikafka-cn-hz0002");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(before + 1, store.findByJobId("jkafka00000001").orElseThrow().version());
            assertEquals("alikafka-cn-hz0002", store.findByJobId("jkafka00000001").orElseThrow().destination().instanceId());
        }

        @Test
        void conflictingValuesInQueryAndForm_areInvalid() throws Exception {
            assertError(postRaw(SAMPLE, "Endpoint=dest"), 400, "InvalidParameter");
        }

        @Test
        void freshRequestIdPerRequest() throws Exception {
            assertFalse(get(SAMPLE).body().equals(get(SAMPLE).body()));
        }
    }

    @Nested
    class Formats {
        @Test
        void formatXmlInAnyCase_answersXmlWithTheDocumentedRoot() throws Exception {
            for (String format : new String[] {"XML", "xml", "Xml"}) {
                HttpResponse<String> r = get(SAMPLE + "&Format=" + format);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("application/xml", r.headers().firstValue("Content-Type").orElse(""));
                assertTrue(r.body().matches("<ModifyDtsJobEndpointResponse><HttpStatusCode>200</HttpStatusCode>"
                        + "<RequestId>[0-9A-F-]{36}</RequestId><Success>true</Success></ModifyDtsJobEndpointResponse>"), r.body());
            }
        }

        @Test
        void errorsInXml_haveTheErrorRoot() throws Exception {
            HttpResponse<String> r = get(example("ModifyDtsJobEndpointMissingEndpoint") + "&Format=XML");
            assertEquals(400, r.statusCode());
            assertEquals("application/xml", r.headers().firstValue("Content-Type").orElse(""));
            assertTrue(r.body().startsWith("<Error><Code>MissingParameter</Code>"), r.body());
        }

        @Test
        void formatInFormBody_isHonoured() throws Exception {
            HttpResponse<String> r = postForm("", SAMPLE + "&Format=XML");
            assertEquals("application/xml", r.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Nested
    class BadInput {
        @Test
        void enumsInAnyCase_areAccepted() throws Exception {
            assertEquals(200, get(SAMPLE.replace("Endpoint=src", "Endpoint=SRC").replace("EndpointInstanceType=rds", "EndpointInstanceType=Rds")).statusCode());
        }

        @Test
        void unknownEnumValue_isInvalidParameterListingValidValues() throws Exception {
            HttpResponse<String> r = get(example("ModifyDtsJobEndpointInvalidEndpointInstanceType"));
            assertError(r, 400, "InvalidParameter");
            assertTrue(r.body().contains("Valid values: rds, polardb"), r.body());
        }

        @Test
        void malformedBoolean_isInvalidParameter() throws Exception {
            assertError(get(SAMPLE.replace("DryRun=true", "DryRun=1")), 400, "InvalidParameter");
        }

        @Test
        void otherAction_isInvalidActionNotFound() throws Exception {
            assertError(get(example("ModifyDtsJobEndpointInvalidActionNotFound")), 404, "InvalidAction.NotFound");
        }

        @Test
        void unknownJob_isNotFound() throws Exception {
            assertError(get(example("ModifyDtsJobEndpointInvalidDtsJobIdNotFound")), 404, "InvalidDtsJobId.NotFound");
        }

        @Test
        void unsupportedMethod_is405WithTheErrorBody() throws Exception {
            assertError(send(HttpRequest.newBuilder(uri("/?" + SAMPLE)).PUT(HttpRequest.BodyPublishers.noBody())), 405, "UnsupportedHTTPMethod");
            assertError(send(HttpRequest.newBuilder(uri("/?" + SAMPLE)).DELETE()), 405, "UnsupportedHTTPMethod");
        }

        @Test
        void jsonBody_is415() throws Exception {
            assertError(send(HttpRequest.newBuilder(uri("/")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"Action\":\"ModifyDtsJobEndpoint\"}"))), 415, "UnsupportedMediaType");
        }

        @Test
        void oversizedBody_is413() throws Exception {
            assertError(postRaw("", SAMPLE + "&Padding=" + "x".repeat(70_000)), 413, "RequestTooLarge");
        }

        @Test
        void malformedFormEncoding_isInvalidParameter() throws Exception {
            assertError(postRaw("", SAMPLE + "&Bad=%zz"), 400, "InvalidParameter");
        }

        @Test
        void unknownPath_is404WithTheErrorBody() throws Exception {
            assertError(send(HttpRequest.newBuilder(uri("/v1/jobs")).GET()), 404, "InvalidAction.NotFound");
        }

        @Test
        void responses_neverEchoThePassword() throws Exception {
            HttpResponse<String> r = get(SAMPLE.replace("DTStest%2A%2A%2A%2A", "TopSecret%231") + "&Password=Other&DryRun=yes");
            assertEquals(400, r.statusCode());
            assertFalse(r.body().contains("TopSecret"), r.body());
            assertFalse(r.body().contains("Other"), r.body());
        }
    }
}
