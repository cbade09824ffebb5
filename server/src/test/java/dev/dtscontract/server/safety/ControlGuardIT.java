package dev.dtscontract.server.safety;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules C-HOST, C-ORIGIN and C-INPUT of the control spec, K-TOKEN and K-FRAME of the console's, and the content codings
 * of every answer, over raw HTTP against the emulator as users start it (the jar, the README's options). What a web page
 * could make a developer's browser send — a rebound Host, another origin, the media types a page sends without asking —
 * reads and changes nothing; the emulator's own pages and tools still do.
 */
class ControlGuardIT {

    private static EmulatorProcess emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = new EmulatorProcess(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    private static String own() {
        return "127.0.0.1:" + emulator.port;
    }

    /** A signed sample request, so the journal has an entry that a reset would empty. */
    private static void journalOneRequest() throws Exception {
        EmulatorProcess.Answer answer = emulator.get("/?" + DocumentedSample.signedQuery());
        assertEquals(200, answer.status(), answer.toString());
    }

    private static int journalled() throws Exception {
        EmulatorProcess.Answer journal = emulator.get("/_emulator/journal?limit=10000");
        assertEquals(200, journal.status(), journal.toString());
        Matcher m = Pattern.compile("\"recorded\":(\\d+)").matcher(journal.body());
        assertTrue(m.find(), journal.body());
        return Integer.parseInt(m.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:PORT", "evil.example", "localhost.evil.example:PORT", "127.0.0.1.nip.io:PORT",
            "127.0.0.1.evil.example", "0.0.0.0:PORT", "[::]:PORT", "127.0.0.1.:PORT", "localhost.:PORT", "127.1:PORT",
            "2130706433:PORT", "sub.localhost:PORT", "10.0.0.1:PORT", "LOCALHOST.EVIL.EXAMPLE:PORT", "127.0.0.1:PORT@evil.example",
            "127.0.0.256:PORT", "localhost:port"})
    void aRequestForAnotherHost_readsNothing_andChangesNothing(String hostForm) throws Exception {
        String host = hostForm.replace("PORT", String.valueOf(emulator.port));
        journalOneRequest();
        int before = journalled();
        for (String path : List.of("/_emulator/journal", "/_emulator/accounts", "/_emulator/jobs", "/_emulator/health",
                "/_emulator/console/jobs", "/_emulator/console/requests", "/_emulator/faults", "/_emulator/clock",
                "/_emulator/snapshot?secrets=include")) {
            EmulatorProcess.Answer refused = emulator.send("GET", path, host, Map.of(), null);
            assertForbidden(refused, "The Host '" + host + "' is not the emulator's");
        }
        String seed = "accounts:\n  - id: \"999\"\n    accessKeys: [{id: LTAI5tPlantedKey00001, secret: planted-secret-value}]\n";
        assertForbidden(emulator.send("PUT", "/_emulator/seed", host, Map.of("Content-Type", "application/yaml"),
                seed.getBytes(StandardCharsets.UTF_8)), "is not the emulator's");
        assertForbidden(emulator.send("POST", "/_emulator/clock", host, Map.of("Content-Type", "application/json"),
                "{\"seconds\": 31536000}".getBytes(StandardCharsets.UTF_8)), "is not the emulator's");
        assertForbidden(emulator.send("PUT", "/_emulator/snapshot", host, Map.of("Content-Type", "application/json"),
                "{\"format\": 1}".getBytes(StandardCharsets.UTF_8)), "is not the emulator's");
        assertForbidden(emulator.send("POST", "/_emulator/reset", host, Map.of(), null), "is not the emulator's");
        assertForbidden(emulator.send("POST", "/_emulator/faults", host, Map.of("Content-Type", "application/json"),
                "{\"kind\":\"ERROR\",\"errorCode\":\"Throttling.User\"}".getBytes(StandardCharsets.UTF_8)), "is not the emulator's");

        assertEquals(before, journalled(), "a refused reset must not empty the journal");
        String accounts = emulator.get("/_emulator/accounts").body();
        assertFalse(accounts.contains("LTAI5tPlantedKey00001"), "a planted key: " + accounts);
        assertTrue(emulator.get("/_emulator/clock").body().contains("\"advancedSeconds\":0"), "the clock moved");
        assertEquals("[]", emulator.get("/_emulator/faults").body(), "a fault was planted");
    }

    /** The control spec's documented refusal (ControlForbiddenHost) is exactly what a rebound page gets. */
    @Test
    void theDocumentedRefusal_isTheAnswer() throws Exception {
        Map<String, Object> example = ControlSpecExamples.example("Forbidden", "ControlForbiddenHost");
        EmulatorProcess.Answer refused = emulator.send("GET", "/_emulator/health", "evil.example", Map.of(), null);
        assertEquals(403, refused.status());
        assertEquals("{\"code\":\"" + example.get("code") + "\",\"message\":\"" + example.get("message") + "\"}", refused.body());
    }

    @Test
    void aRequestWithoutHost_isRefused() throws Exception {
        assertForbidden(emulator.send("GET", "/_emulator/journal", null, Map.of(), null), "The Host (none) is not the emulator's");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:PORT", "LOCALHOST:PORT", "LocalHost", "127.0.0.1:PORT", "127.0.0.1", "127.1.2.3:PORT",
            "[::1]:PORT", "[0:0:0:0:0:0:0:1]:PORT"})
    void aRequestForTheEmulatorItself_isAnswered_inAnyCaseAndForm(String hostForm) throws Exception {
        String host = hostForm.replace("PORT", String.valueOf(emulator.port));
        EmulatorProcess.Answer health = emulator.send("GET", "/_emulator/health", host, Map.of(), null);
        assertEquals(200, health.status(), health.toString());
        assertTrue(health.body().startsWith("{\"status\":\"UP\""), health.body());
        assertEquals(200, emulator.send("GET", "/_emulator/console/jobs", host, Map.of(), null).status());
    }

    @Test
    void theOperationsSurface_isNotGuardedByHost_likeTheCloudItIsAStandInFor() throws Exception {
        EmulatorProcess.Answer answer = emulator.send("GET", "/?" + DocumentedSample.signedQuery(), "dts.aliyuncs.com", Map.of(), null);
        assertEquals(200, answer.status(), answer.toString());
    }

    /** Every media type a web page may send another site without a CORS preflight, with and without an Origin. */
    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=b", "TEXT/PLAIN"})
    void aCrossSitePostOfAnyKind_changesNothing(String contentType) throws Exception {
        Map<String, String> bodies = Map.of("text/plain", "{\"seconds\": 60}", "application/x-www-form-urlencoded", "action=reset",
                "multipart/form-data", "--b\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nreset\r\n--b--\r\n");
        String body = bodies.getOrDefault(contentType.split(";")[0].toLowerCase(), "x");
        journalOneRequest();
        int before = journalled();
        for (String path : List.of("/_emulator/reset", "/_emulator/clock", "/_emulator/journal", "/_emulator/faults",
                "/_emulator/snapshot")) {
            String method = path.equals("/_emulator/journal") ? "DELETE" : path.equals("/_emulator/snapshot") ? "PUT" : "POST";
            for (Map<String, String> origin : List.of(Map.<String, String>of(), Map.of("Origin", "http://evil.example"),
                    Map.of("Origin", "null"))) {
                Map<String, String> headers = new LinkedHashMap<>(origin);
                headers.put("Content-Type", contentType);
                EmulatorProcess.Answer refused = emulator.send(method, path, own(), headers, body.getBytes(StandardCharsets.UTF_8));
                assertTrue(refused.status() == 403 || refused.status() == 415, method + " " + path + " " + origin + ": " + refused);
                assertTrue(refused.body().startsWith(refused.status() == 403 ? "{\"code\":\"Forbidden\"" : "{\"code\":\"UnsupportedMediaType\""),
                        refused.body());
            }
        }
        assertEquals(before, journalled(), "the journal was reset or cleared");
        assertTrue(emulator.get("/_emulator/clock").body().contains("\"advancedSeconds\":0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "http://localhost:3000", "http://127.0.0.1:1", "https://127.0.0.1:PORT",
            "http://127.0.0.1:PORT.evil.example", "null"})
    void aStateChangeFromAnotherOrigin_isRefused_evenWithoutABody(String originForm) throws Exception {
        String origin = originForm.replace("PORT", String.valueOf(emulator.port));
        journalOneRequest();
        int before = journalled();
        EmulatorProcess.Answer refused = emulator.send("POST", "/_emulator/reset", own(), Map.of("Origin", origin), null);
        assertForbidden(refused, "A request from the origin '" + origin + "' may not change the emulator: only its own pages (http://"
                + own() + ") may.");
        assertEquals(before, journalled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site", "Cross-Site"})
    void aFetchTheBrowserCallsCrossSite_isRefused(String site) throws Exception {
        assertForbidden(emulator.send("POST", "/_emulator/reset", own(), Map.of("Sec-Fetch-Site", site), null),
                "request may not change the emulator");
    }

    @Test
    void theEmulatorsOwnOrigin_andToolsWithoutOne_stillChangeIt() throws Exception {
        journalOneRequest();
        EmulatorProcess.Answer reset = emulator.send("POST", "/_emulator/reset", own(),
                Map.of("Origin", "http://" + own(), "Sec-Fetch-Site", "same-origin"), null);
        assertEquals(200, reset.status(), reset.toString());
        assertEquals(0, journalled());
        journalOneRequest();
        assertEquals(200, emulator.send("POST", "/_emulator/reset", own(), Map.of("Content-Type", "application/json"), null).status());
        assertEquals(0, journalled());
    }

    @Test
    void theConsolesResetButton_needsTheTokenOfAPageTheEmulatorServed() throws Exception {
        EmulatorProcess.Answer page = emulator.get("/_emulator/console/jobs");
        Matcher m = Pattern.compile("name=\"token\" value=\"([A-Za-z0-9_-]{32})\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        String token = m.group(1);
        assertEquals(token, (m = Pattern.compile("name=\"token\" value=\"([A-Za-z0-9_-]{32})\"")
                .matcher(emulator.get("/_emulator/console/jobs").body())).find() ? m.group(1) : null, "one token per process");
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        for (String body : List.of("action=reset", "action=reset&token=", "action=reset&token=" + token.substring(1) + "x",
                "action=reset&token=" + token.toLowerCase() + "&token=" + token)) {
            journalOneRequest();
            int before = journalled();
            EmulatorProcess.Answer refused = emulator.send("POST", "/_emulator/console/jobs", form, body);
            assertEquals(403, refused.status(), body + ": " + refused);
            assertTrue(refused.body().contains("This reset form does not come from a page of this emulator"), refused.body());
            assertEquals(before, journalled(), body);
        }
        journalOneRequest();
        EmulatorProcess.Answer reset = emulator.send("POST", "/_emulator/console/jobs", form, "action=reset&token=" + token);
        assertEquals(200, reset.status(), reset.toString());
        assertTrue(reset.body().contains("Reset to the seed at "), reset.body());
        assertEquals(0, journalled());
    }

    @Test
    void everyPage_andEveryControlAnswer_forbidsFramingAndSniffing() throws Exception {
        journalOneRequest();
        Matcher id = Pattern.compile("\"requestId\":\"([^\"]+)\"").matcher(emulator.get("/_emulator/journal?limit=1").body());
        assertTrue(id.find());
        List<String> pages = List.of("/_emulator/console", "/_emulator/console/reference", "/_emulator/console/requests",
                "/_emulator/console/requests/" + id.group(1), "/_emulator/console/requests/no-such-request", "/_emulator/console/jobs",
                "/_emulator/console/scripts/swagger-ui-bundle.js", "/_emulator/console/styles/swagger-ui.css",
                "/_emulator/console/openapi.yaml", "/_emulator/console/no-such-page");
        for (String path : pages) {
            EmulatorProcess.Answer answer = emulator.get(path);
            assertEquals("DENY", answer.header("X-Frame-Options"), path);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
            String csp = answer.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'")
                    && csp.matches(".*; script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}'){2};.*"), path + ": " + csp);
            assertNull(answer.header("Access-Control-Allow-Origin"), path);
        }
        for (EmulatorProcess.Answer answer : List.of(emulator.get("/_emulator/journal"),
                emulator.send("GET", "/_emulator/health", "evil.example", Map.of(), null),
                emulator.send("POST", "/_emulator/reset", own(), Map.of("Origin", "http://evil.example"), null))) {
            assertEquals("DENY", answer.header("X-Frame-Options"), answer.toString());
            assertEquals("nosniff", answer.header("X-Content-Type-Options"));
            assertEquals("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
                    answer.header("Content-Security-Policy"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "snappy", "br", "zstd", "deflate", "snappy, *", "gzip;q=0.5, snappy;q=1", "*;q=0.9, br"})
    void contentCoding_isGzipOrIdentity_whatEveryClientDecodes(String acceptEncoding) throws Exception {
        EmulatorProcess.Answer plain = emulator.get("/_emulator/console/styles/swagger-ui.css");
        EmulatorProcess.Answer answer = emulator.send("GET", "/_emulator/console/styles/swagger-ui.css",
                Map.of("Accept-Encoding", acceptEncoding), null);
        assertEquals(200, answer.status());
        String coding = answer.header("Content-Encoding");
        boolean gzipAllowed = acceptEncoding.contains("gzip") || acceptEncoding.contains("*");
        if (gzipAllowed) {
            assertEquals("gzip", coding, acceptEncoding);
            assertArrayEquals(plain.bytes(), new GZIPInputStream(new ByteArrayInputStream(answer.bytes())).readAllBytes());
        } else {
            assertNull(coding, acceptEncoding);
            assertArrayEquals(plain.bytes(), answer.bytes());
        }
        EmulatorProcess.Answer rpc = emulator.send("GET", "/?" + DocumentedSample.signedQuery(), Map.of("Accept-Encoding", acceptEncoding), null);
        assertTrue(rpc.header("Content-Encoding") == null || "gzip".equals(rpc.header("Content-Encoding")), rpc.toString());
    }

    static void assertForbidden(EmulatorProcess.Answer answer, String messageContains) {
        assertEquals(403, answer.status(), answer.toString());
        assertEquals("application/json", answer.header("Content-Type"), answer.toString());
        assertTrue(answer.body().startsWith("{\"code\":\"Forbidden\",\"message\":\"") && answer.body().contains(messageContains), answer.body());
    }

    // C-INPUT: what the control API takes, exactly; every refusal in its error schema, and nothing changed.

    private static EmulatorProcess.Answer putSeed(byte[] seed) throws Exception {
        return emulator.send("PUT", "/_emulator/seed", own(), Map.of("Content-Type", "application/yaml"), seed);
    }

    private static String state() throws Exception {
        return emulator.get("/_emulator/state").body();
    }

    @Test
    void aSeedThatIsNotUtf8_isRefusedWithTheOffset_andNothingChanges() throws Exception {
        String before = state();
        byte[] seed = "instances:\n  - {id: x\u00e9, type: rds, engine: MYSQL, region: r}\n".getBytes(StandardCharsets.ISO_8859_1);
        EmulatorProcess.Answer refused = putSeed(seed);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("{\"code\":\"InvalidParameter\",\"message\":\"The body is not UTF-8: the bytes at offset 21 are no UTF-8 character.\"}",
                refused.body());
        assertEquals(before, state());
    }

    @Test
    void aKeyGivenTwice_inASeedOrAnEntity_isRefusedWithItsPosition() throws Exception {
        String before = state();
        EmulatorProcess.Answer seed = putSeed("instances:\n  - {id: x, type: rds, engine: MYSQL, region: r, region: s}\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, seed.status(), seed.toString());
        assertEquals("{\"code\":\"InvalidSeed\",\"message\":\"instances[0]: key 'region' is given twice\",\"source\":\"request body\","
                + "\"line\":2,\"column\":50}", seed.body());
        EmulatorProcess.Answer instance = emulator.send("PUT", "/_emulator/instances/x", Map.of("Content-Type", "application/json"),
                "{\"id\": \"x\", \"type\": \"rds\", \"engine\": \"MYSQL\", \"region\": \"r\", \"engine\": \"POSTGRESQL\"}");
        assertEquals(400, instance.status(), instance.toString());
        assertEquals("{\"code\":\"InvalidEntity\",\"message\":\"instance: key 'engine' is given twice\",\"source\":\"request body\","
                + "\"line\":1,\"column\":62}", instance.body());
        assertEquals(before, state());
    }

    @Test
    void anEnvironmentReferenceSentOverHttp_isRefused_neverRead() throws Exception {
        String before = state();
        EmulatorProcess.Answer refused = putSeed(("accounts:\n  - id: \"1\"\n    accessKeys: [{id: LTAI5tEnvKey000000001, secret: \"${PATH}\"}]\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.body().startsWith("{\"code\":\"InvalidSeed\",\"message\":\"accounts[0].accessKeys[0]: 'secret' names environment "
                + "variable PATH: ${...} is read only in seed files at start"), refused.body());
        assertFalse(refused.body().contains(System.getenv("PATH")), "the environment's value");
        assertEquals(before, state());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"kind\":\"ERROR\",\"errorCode\":\"Throttling.User\",\"times\":1.5}|'times' must be a whole number, not 1.5",
            "{\"kind\":\"ERROR\",\"errorCode\":\"Throttling.User\",\"times\":\"2\"}|'times' must be a whole number, not a string",
            "{\"kind\":\"error\",\"errorCode\":\"Throttling.User\"}|kind must be one of [ERROR, LATENCY, DROP_AFTER_APPLY] (exactly so written), not 'error'",
            "{\"kind\":\"ERROR\",\"kind\":\"LATENCY\",\"latencyMs\":5}|Duplicate field 'kind'",
            "{\"kind\":\"LATENCY\",\"latencyMs\":1e3}|'latencyMs' must be a whole number, not 1e3",
            "{\"kind\":\"LATENCY\",\"latencyMs\":60001}|'latencyMs' must be from 0 to 60000, not 60001",
            "{\"kind\":\"ERROR\",\"errorCode\":\"Throttling.User\",\"extra\":1}|unknown key ''extra''"})
    void aFaultThatIsNotExactlyAsDeclared_isRefused_andNothingIsPending(String caseText) throws Exception {
        String[] parts = caseText.split("\\|");
        EmulatorProcess.Answer refused = emulator.send("POST", "/_emulator/faults", Map.of("Content-Type", "application/json"), parts[0]);
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.body().startsWith("{\"code\":\"InvalidEntity\",\"message\":\"") && refused.body().contains(parts[1]), refused.body());
        assertEquals("[]", emulator.get("/_emulator/faults").body());
    }

    @Test
    void aRealisticSeedOver64KiB_isTaken_andOneOver1MiB_isRequestTooLarge() throws Exception {
        StringBuilder seed = new StringBuilder("instances:\n");
        for (int i = 0; seed.length() < 200_000; i++) {
            seed.append("  - {id: rm-bp1instance").append(String.format("%06d", i)).append(", type: rds, engine: MYSQL, region: cn-hangzhou}\n");
        }
        seed.append(new String(emulator.get("/_emulator/console/jobs").body().isEmpty() ? "" : "accounts:\n  - id: \"1507800203001111\"\n"
                + "    accessKeys: [{id: LTAI5tDemoAccessKey0001, secret: DemoSecretForLocalUseOnly0001}]\n"));
        EmulatorProcess.Answer taken = putSeed(seed.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, taken.status(), taken.toString().substring(0, Math.min(500, taken.toString().length())));
        assertTrue(taken.body().matches("\\{\"seed\":\"request body\",\"jobs\":0,\"instances\":\\d{4},\"accounts\":1,\"accessKeys\":1}"), taken.body());
        byte[] tooLarge = new byte[1_048_577];
        java.util.Arrays.fill(tooLarge, (byte) '#');
        EmulatorProcess.Answer refused = putSeed(tooLarge);
        assertEquals(413, refused.status(), refused.toString());
        assertEquals("{\"code\":\"RequestTooLarge\",\"message\":\"The body is over the control API's limit of 1 MiB.\"}", refused.body());
        assertEquals(200, emulator.send("POST", "/_emulator/reset", Map.of(), null).status());
        EmulatorProcess.Answer back = emulator.send("PUT", "/_emulator/seed", own(), Map.of("Content-Type", "application/yaml"),
                java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src", "main", "resources", "seed", "default-seed.yaml")));
        assertEquals(200, back.status(), back.toString());
    }

    @Test
    void anUnreadableQueryOnTheJournal_isAnsweredInTheControlSchema() throws Exception {
        EmulatorProcess.Answer refused = emulator.get("/_emulator/journal?since=%ZZ");
        assertEquals(400, refused.status());
        assertEquals("{\"code\":\"InvalidParameter\",\"message\":\"The request cannot be read: the request target is not a valid URI "
                + "(a % must start an escape such as %2A)\"}", refused.body());
    }
}
