package dev.dtscontract.contract;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.tools.SignRequest;
import dev.dtscontract.server.domain.DtsJob;
import dev.dtscontract.server.domain.JobStore;
import dev.dtscontract.server.seed.SeedLoader;
import dev.dtscontract.spec.SpecExamples;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's edge over raw HTTP, one test per hole it once had: every method but GET and POST, bodies of
 * other types, bad escapes, look-alike values, characters XML cannot carry, over-long lines and headers, slow
 * clients, state that once led to a 500. State is read back from the emulator's store: a refused request must
 * change nothing.
 */
class EmulatorEdgeTest {

    @RegisterExtension
    static final Emulator emulator = new Emulator(Map.of("dts.server.request-head-timeout", "1s"));

    /** The emulator with a control token: every control route must refuse a request without it. */
    @RegisterExtension
    static final Emulator guarded = new Emulator(Map.of("dts.control.token", "test-token-0001"));

    private static final AccessKey DEMO = SeedLoader.loadDefault().accounts().key(dev.dtscontract.server.seed.Seed.DEMO_ACCESS_KEY_ID).orElseThrow();
    /** The unsigned change of another account's job that once went through as HEAD. */
    private static final String FOREIGN_CHANGE = "Action=ModifyDtsJobEndpoint&RegionId=cn-shanghai&DtsJobId=jshanghai00001"
            + "&Endpoint=dest&EndpointInstanceType=rds&EndpointInstanceId=rm-uf6mysql0000001&DryRun=false";
    private static final Map<String, String> SAMPLE = SpecExamples.load().request("ModifyDtsJobEndpointDocumentedSample").parameters();

    private static DtsJob job(String id) {
        return emulator.bean(JobStore.class).findByJobId(id).orElseThrow();
    }

    private static RawHttp.Response send(String method, String target, Map<String, String> headers, String body) {
        try (RawHttp http = new RawHttp(emulator.url())) {
            return http.send(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String signed(String method, Map<String, String> parameters) {
        return SignRequest.sign(method, parameters, DEMO, Instant.now());
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> out = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static void assertRefused(RawHttp.Response r, int status, String code) {
        assertAll(
                () -> assertEquals(status, r.status(), r.body()),
                () -> assertTrue(r.body().contains("\"Code\":\"" + code + "\""), r.body()),
                () -> assertTrue(r.body().contains("\"HttpStatusCode\":\"" + status + "\""), r.body()));
    }

    @Nested
    class Methods {
        @Test
        void unsignedHeadOfAnotherAccountsJob_isRefusedAndChangesNothing() {
            DtsJob before = job("jshanghai00001");
            RawHttp.Response r = send("HEAD", "/?" + FOREIGN_CHANGE, Map.of(), null);
            assertEquals(405, r.status());
            assertEquals(before, job("jshanghai00001"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "get", "Get", "post", "FOO"})
        void anyOtherMethod_isUnsupportedHttpMethod_evenWhenCorrectlySigned(String method) {
            DtsJob before = job("jkafka00000001");
            String query = signed(method.equalsIgnoreCase("post") ? "POST" : "GET", Map.of("Action", "ModifyDtsJobEndpoint",
                    "DtsJobId", "jkafka00000001", "Endpoint", "dest", "EndpointInstanceType", "kafka",
                    "EndpointInstanceId", "alikafka-cn-hz0002"));
            RawHttp.Response r = send(method, "/?" + query, Map.of(), method.equals("TRACE") ? null : "");
            assertRefused(r, 405, "UnsupportedHTTPMethod");
            assertTrue(r.body().contains("The HTTP method " + method + " is not supported"), r.body());
            assertEquals(before, job("jkafka00000001"));
        }

        @Test
        void everyRouteOfTheServer_isBehindTheEdge() {
            Set<String> routes = emulator.bean(Router.class).uriRoutes()
                    .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> control = routes.stream().filter(r -> r.contains(" /_emulator/")).collect(Collectors.toCollection(TreeSet::new));
            routes.removeAll(control);
            // Micronaut adds HEAD for every GET route: the way an unsigned HEAD once reached the GET operation.
            // Each operation's route is /<Action> (the edge routes an admitted request there; the wire path is /).
            Set<String> operations = new TreeSet<>();
            dev.dtscontract.spec.SpecContract.load().operations().keySet()
                    .forEach(action -> List.of("GET", "HEAD", "POST").forEach(m -> operations.add(m + " /" + action)));
            assertEquals(operations, routes, "a new route must be added here and proven behind the edge");
            // A request sent to an operation's route itself is refused by the edge (R-HTTP: the path is / only).
            for (String action : dev.dtscontract.spec.SpecContract.load().operations().keySet()) {
                try (RawHttp http = new RawHttp(emulator.url())) {
                    RawHttp.Response direct = http.send("GET", "/" + action + "?Action=" + action + "&DtsJobId=ta7w132u12h%2A%2A%2A%2A", Map.of(), null);
                    assertEquals(404, direct.status(), action + ": " + direct.body());
                    assertTrue(direct.body().contains("\"Code\":\"InvalidAction.NotFound\""), direct.body());
                }
            }
            // The test-control API's and the console's routes are exactly their specs' (and HEAD for their GETs), each
            // behind ControlGuard.
            Set<String> specified = new TreeSet<>();
            for (String spec : List.of("openapi/EmulatorControl.yaml", "openapi/EmulatorConsole.yaml")) {
                new io.swagger.v3.parser.OpenAPIV3Parser().read(getClass().getClassLoader().getResource(spec).toString())
                        .getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(m -> {
                            specified.add(m.name() + " " + path);
                            if (m.name().equals("GET")) {
                                specified.add("HEAD " + path);
                            }
                        }));
            }
            assertEquals(specified, control, "a control or console route their specs do not declare");
            for (String route : control) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "jshanghai00001");
                DtsJob before = guarded.bean(JobStore.class).findByJobId("jshanghai00001").orElseThrow();
                RawHttp.Response r;
                try (RawHttp http = new RawHttp(guarded.url())) {
                    r = http.send(method, path, Map.of("Content-Type", "application/json"),
                            method.equals("GET") || method.equals("HEAD") ? null : "{}".getBytes(StandardCharsets.UTF_8));
                }
                assertEquals(401, r.status(), route + ": " + r.body());
                if (!method.equals("HEAD")) {
                    assertEquals("{\"code\":\"Unauthorized\",\"message\":\"This control API needs the X-Emulator-Token the emulator "
                            + "was started with.\"}", r.body(), route);
                }
                assertEquals(before, guarded.bean(JobStore.class).findByJobId("jshanghai00001").orElseThrow(), route);
            }
            for (String route : routes) {
                String method = route.substring(0, route.indexOf(' '));
                DtsJob before = job("jshanghai00001");
                RawHttp.Response r = send(method, "/?" + FOREIGN_CHANGE, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        method.equals("POST") ? "" : null);
                if (method.equals("HEAD")) {
                    assertEquals(405, r.status(), route);
                } else {
                    assertRefused(r, 400, "MissingParameter");
                    assertTrue(r.body().contains("\\\"AccessKeyId\\\""), "refused by the signature check: " + r.body());
                }
                assertEquals(before, job("jshanghai00001"), route);
            }
        }
    }

    @Nested
    class Console {
        /** The reset button's route takes its own form only; anything else is refused, never a 5xx, and resets nothing. */
        @Test
        void aFormTheConsoleDidNotMake_isRefused_andResetsNothing() {
            // The server logs no error for any of them (a page type forced on a ControlError once failed its encoding).
            ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
            logged.start();
            root.addAppender(logged);
            try {
                refusals();
            } finally {
                root.detachAppender(logged);
            }
            assertEquals(List.of(), logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
                    .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList());
        }

        private void refusals() {
            String instance = "{\"id\":\"rm-console-test-01\",\"type\":\"rds\",\"engine\":\"MYSQL\",\"region\":\"cn-hangzhou\"}";
            assertEquals(200, send("PUT", "/_emulator/instances/rm-console-test-01", Map.of("Content-Type", "application/json"), instance).status());
            for (String[] bad : new String[][] {{"application/json", "{}"}, {"text/plain", "action=reset"}}) {
                RawHttp.Response r = send("POST", "/_emulator/console/jobs", Map.of("Content-Type", bad[0]), bad[1]);
                assertEquals(415, r.status(), bad[0] + ": " + r.body());
                assertTrue(r.header("content-type").startsWith("application/json"), bad[0] + ": " + r.headers());
                assertTrue(r.body().startsWith(bad[0].equals("text/plain")
                        ? "{\"code\":\"UnsupportedMediaType\",\"message\":\"The control API takes application/json (application/yaml for a "
                                + "seed or a snapshot), not 'text/plain': "
                        : "{\"code\":\"UnsupportedMediaType\",\"message\":\"Send the media type the operation takes: "), r.body());
            }
            RawHttp.Response empty = send("POST", "/_emulator/console/jobs", Map.of(), null);
            assertEquals(400, empty.status(), empty.body());
            assertEquals("{\"code\":\"InvalidParameter\",\"message\":\"The request cannot be read.\"}", empty.body());
            RawHttp.Response page = send("GET", "/_emulator/console/jobs", Map.of(), null);
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body());
            assertTrue(token.find(), page.body());
            RawHttp.Response forged = send("POST", "/_emulator/console/jobs", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "action=reset");
            assertEquals(403, forged.status(), forged.body());
            assertTrue(forged.header("content-type").startsWith("text/html"), forged.headers().toString());
            RawHttp.Response other = send("POST", "/_emulator/console/jobs", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "action=load&token=" + token.group(1));
            assertEquals(400, other.status());
            assertTrue(other.header("content-type").startsWith("text/html"), other.headers().toString());
            assertTrue(other.body().contains("The jobs page takes action=reset only, not action=load."), other.body());
            assertEquals(200, send("GET", "/_emulator/instances", Map.of(), null).status());
            assertTrue(send("GET", "/_emulator/instances", Map.of(), null).body().contains("rm-console-test-01"), "nothing was reset");
        }
    }

    @Nested
    class Bodies {
        @ParameterizedTest(name = "Content-Type [{0}]")
        @ValueSource(strings = {"<none>", "", "foo", "application/json", "text/plain; charset=utf-8", "multipart/form-data"})
        void nonEmptyBodyThatIsNotAForm_isUnsupportedMediaType(String contentType) {
            DtsJob before = job("jshanghai00001");
            Map<String, String> headers = contentType.equals("<none>") ? Map.of() : Map.of("Content-Type", contentType);
            RawHttp.Response r = send("POST", "/?" + FOREIGN_CHANGE + "&DryRun=maybe", headers, "x=1");
            assertRefused(r, 415, "UnsupportedMediaType");
            assertEquals(before, job("jshanghai00001"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"no Content-Type", "application/json", "chunked"})
        void emptyBody_isANormalRequestWhateverItsHeadersSay(String variant) {
            Map<String, String> headers = switch (variant) {
                case "application/json" -> Map.of("Content-Type", "application/json");
                case "chunked" -> Map.of("Transfer-Encoding", "chunked");
                default -> Map.of();
            };
            RawHttp.Response r = send("POST", "/?" + signed("POST", SAMPLE), headers, variant.equals("chunked") ? "0\r\n\r\n" : "");
            assertEquals(200, r.status(), r.body());
        }

        @Test
        void getWithABody_isUnsupportedMediaType_evenAsAForm() {
            RawHttp.Response r = send("GET", "/?" + signed("GET", SAMPLE), Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "DryRun=false");
            assertRefused(r, 415, "UnsupportedMediaType");
        }

        @Test
        void bodyOverTheLimit_isRequestTooLarge() {
            RawHttp.Response r = send("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "X=" + "a".repeat(70_000));
            assertRefused(r, 413, "RequestTooLarge");
        }
    }

    @Nested
    class Encoding {
        @Test
        void badPercentEscape_namesTheParameterInTheFormatAsked() {
            RawHttp.Response r = send("GET", "/?" + signed("GET", SAMPLE) + "&X=%zz&Format=xml", Map.of(), null);
            assertEquals(400, r.status(), r.body());
            assertEquals("application/xml", r.header("content-type"));
            assertTrue(r.body().contains("<Code>InvalidParameter</Code>"), r.body());
            assertTrue(r.body().contains("The specified parameter \"X\" is not valid: it is not correctly percent-encoded"), r.body());
        }

        @Test
        void badPercentEscapeInTheForm_namesTheParameter() {
            RawHttp.Response r = send("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    signed("POST", SAMPLE) + "&Endpoint%G1=x");
            assertRefused(r, 400, "InvalidParameter");
            assertTrue(r.body().contains("\\\"Endpoint%G1\\\" is not valid"), r.body());
        }

        @Test
        void characterThatMustBeEncoded_namesTheParameter() {
            RawHttp.Response r = send("GET", "/?" + signed("GET", SAMPLE) + "&Pipe=a|b", Map.of(), null);
            assertRefused(r, 400, "InvalidParameter");
            assertTrue(r.body().contains("\\\"Pipe\\\" is not valid"), r.body());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Endpoint=%C5%BFrc", "SynchronizationDirection=Rever%C5%BFe", "EndpointInstanceType=%E2%84%AAafka",
                "DryRun=%C5%BFrue", "Format=%E2%84%AAML"})
        void nonAsciiLookAlike_isNotAnEnumValue(String pair) {
            String name = pair.substring(0, pair.indexOf('='));
            RawHttp.Response r = send("GET", "/?Action=ModifyDtsJobEndpoint&Endpoint=src&EndpointInstanceType=rds&" + pair, Map.of(), null);
            assertRefused(r, 400, "InvalidParameter");
            assertTrue(r.body().contains("\\\"" + name + "\\\" is not valid"), r.body());
        }

        @Test
        void charactersXmlCannotCarry_areEscapedSoTheXmlAnswerParses() throws Exception {
            RawHttp.Response r = send("GET", "/?Action=ModifyDtsJobEndpoint&Endpoint=s%01r%EF%BF%BEc%0A&EndpointInstanceType=rds&Format=XML",
                    Map.of(), null);
            assertEquals(400, r.status(), r.body());
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals("The specified parameter \"Endpoint\" is not valid: \"s\\u0001r\\uFFFEc\\u000A\". Valid values: src, dest.",
                    xml.getElementsByTagName("Message").item(0).getTextContent());
        }

        @Test
        void hugeValues_areNeverEchoedInFull() {
            String huge = "9".repeat(60_000);
            RawHttp.Response port = send("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    signed("POST", with(SAMPLE, "EndpointPort", huge)));
            assertRefused(port, 400, "InvalidParameter");
            assertTrue(port.body().contains("\\\"" + "9".repeat(64) + "...\\\" is not a port"), port.body());
            RawHttp.Response twice = send("POST", "/?Unknown=" + "a".repeat(10_000), Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "Unknown=" + "b".repeat(50_000));
            assertRefused(twice, 400, "InvalidParameter");
            assertTrue(port.body().length() < 1_000 && twice.body().length() < 1_000, port.body().length() + " " + twice.body().length());
        }

        @Test
        void acceptHeader_isIgnored_formatDecides() {
            RawHttp.Response r = send("GET", "/?" + signed("GET", SAMPLE), Map.of("Accept", "text/html"), null);
            assertEquals(200, r.status(), r.body());
            assertEquals("application/json", r.header("content-type"));
        }

        @Test
        void anotherPath_isInvalidActionNotFound() {
            assertRefused(send("GET", "/ModifyDtsJobEndpoint?" + signed("GET", SAMPLE), Map.of(), null), 404, "InvalidAction.NotFound");
        }
    }

    @Nested
    class Limits {
        @Test
        void requestLineOverTheLimit_isRequestUriTooLong_andTheServerGoesOn() {
            RawHttp.Response r = send("GET", "/?X=" + "a".repeat(20_000), Map.of(), null);
            assertRefused(r, 414, "RequestURITooLong");
            assertEquals(200, send("GET", "/?" + signed("GET", SAMPLE), Map.of(), null).status());
        }

        @Test
        void requestLineUnderTheLimit_isRead() {
            RawHttp.Response r = send("GET", "/?" + signed("GET", with(SAMPLE, "Unknown", "a".repeat(12_000))), Map.of(), null);
            assertEquals(200, r.status(), r.body());
        }

        @Test
        void headersOverTheLimit_areRequestHeaderFieldsTooLarge() {
            assertRefused(send("GET", "/?" + signed("GET", SAMPLE), Map.of("X-Big", "b".repeat(20_000)), null),
                    431, "RequestHeaderFieldsTooLarge");
        }

        @Test
        void slowRequestHead_isClosedAfterTheTimeout_whileOthersAreServed() throws Exception {
            try (Socket slow = new Socket(emulator.url().getHost(), emulator.url().getPort())) {
                slow.setSoTimeout(5_000);
                OutputStream out = slow.getOutputStream();
                long started = System.nanoTime();
                out.write("GET /?Action=ModifyDtsJobEndpoint HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals(200, send("GET", "/?" + signed("GET", SAMPLE), Map.of(), null).status(), "served meanwhile");
                Thread.sleep(500);
                out.write("X-Trickle: y\r\n".getBytes(StandardCharsets.US_ASCII)); // a byte now and then resets idle timeouts
                out.flush();
                assertEquals(-1, slow.getInputStream().read(), "closed without an answer");
                double seconds = (System.nanoTime() - started) / 1e9;
                assertTrue(seconds >= 0.9 && seconds < 3, "closed after " + seconds + " s; the timeout is 1 s");
            }
        }
    }
}
