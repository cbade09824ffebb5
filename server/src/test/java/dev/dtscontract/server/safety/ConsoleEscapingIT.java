package dev.dtscontract.server.safety;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule K-FRAME's "every value shown is HTML-escaped", held rather than trusted: markup and script sent in every parameter
 * name and value, in the V3 headers the journal shows, and in every field of a job the control API takes, then every
 * page that shows them (the requests list and its filter, each request's page, the jobs page, a not-found page) is read.
 * The test fails if any page carries the markup as markup, and also if a page does not show it at all (escaped), so it
 * cannot pass by showing nothing.
 */
class ConsoleEscapingIT {

    /** Element, attribute and script contexts; each must show only as text. */
    private static final List<String> PAYLOADS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>",
            "'><svg onload=alert(3)>", "\" onmouseover=\"alert(4)");

    private static EmulatorProcess emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = new EmulatorProcess(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escaped(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** The page shows none of the payloads as markup. */
    private static void rendersNoMarkup(String path, String page) {
        for (String payload : PAYLOADS) {
            assertFalse(page.contains(payload), path + " renders " + payload);
        }
        for (String raw : List.of("<script>alert", "<img src=x", "<svg onload", "\" onmouseover=\"")) {
            assertFalse(page.contains(raw), path + " renders " + raw);
        }
    }

    private static void showsEscaped(String path, String page, String payload) {
        assertTrue(page.contains(escaped(payload)), path + " does not show " + payload + " (escaped) at all");
    }

    @Test
    void markupInEveryParameterHeaderAndControlField_showsOnEveryPageAsTextOnly() throws Exception {
        emulator.send("POST", "/_emulator/reset", Map.of(), null);
        for (String payload : PAYLOADS) {
            // RPC surface: the payload as the Action, the job, the instance, the AccessKey, a parameter's name and a value.
            String query = "Action=" + encode(payload) + "&DtsJobId=" + encode(payload) + "&DtsInstanceId=" + encode(payload)
                    + "&AccessKeyId=" + encode(payload) + "&" + encode(payload) + "=" + encode(payload) + "&Endpoint=" + encode(payload)
                    + "&Password=" + encode(payload);
            EmulatorProcess.Answer refused = emulator.get("/?" + query);
            assertTrue(refused.status() >= 400 && refused.status() < 500, refused.toString());
            // Signature V3 headers the journal shows as Action and Version.
            EmulatorProcess.Answer v3 = emulator.send("GET", "/?DtsJobId=" + encode(payload), Map.of("Authorization",
                    "ACS3-HMAC-SHA256 Credential=" + payload.replace(",", ""), "x-acs-action", payload, "x-acs-version", payload), null);
            assertTrue(v3.status() >= 400 && v3.status() < 500, v3.toString());
        }
        // The control API's job fields that the jobs page shows.
        String payload = PAYLOADS.get(1);
        String job = "{\"dtsJobId\": \"jinjected00001\", \"dtsInstanceId\": " + json(payload) + ", \"region\": " + json(PAYLOADS.get(0))
                + ", \"resourceGroupId\": " + json(PAYLOADS.get(2)) + ", \"owner\": " + json(PAYLOADS.get(3)) + ", \"kind\": \"MIGRATION\","
                + " \"status\": " + json(PAYLOADS.get(0)) + ", \"checkpoint\": \"2026-11-24T08:00:00Z\", \"source\": {\"type\": \"rds\", "
                + "\"engine\": \"MYSQL\", \"instanceId\": " + json(PAYLOADS.get(2)) + ", \"region\": " + json(payload) + ", \"database\": "
                + json(PAYLOADS.get(3)) + ", \"username\": " + json(PAYLOADS.get(0)) + "}, \"destination\": {\"type\": \"ecs\", \"engine\": "
                + "\"MYSQL\", \"ip\": " + json(payload) + ", \"port\": 3306, \"region\": \"r\", \"username\": " + json(PAYLOADS.get(2)) + "}}";
        EmulatorProcess.Answer put = emulator.send("PUT", "/_emulator/jobs/jinjected00001", Map.of("Content-Type", "application/json"), job);
        assertEquals(200, put.status(), put.toString());

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/_emulator/console/requests", null);
        pages.put("/_emulator/console/jobs", null);
        for (String p : PAYLOADS) {
            pages.put("/_emulator/console/requests?job=" + encode(p) + "&code=" + encode(p) + "&caller=" + encode(p), p);
            pages.put("/_emulator/console/requests/" + encode(p).replace("+", "%20"), p);
        }
        String journal = emulator.get("/_emulator/journal?limit=100").body();
        Matcher ids = Pattern.compile("\"requestId\":\"([^\"]+)\"").matcher(journal);
        int entries = 0;
        while (ids.find()) {
            pages.put("/_emulator/console/requests/" + ids.group(1), null);
            entries++;
        }
        assertEquals(2 * PAYLOADS.size(), entries, journal);

        StringBuilder everything = new StringBuilder();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            EmulatorProcess.Answer answer = emulator.get(page.getKey());
            assertTrue(answer.status() == 200 || answer.status() == 404, page.getKey() + ": " + answer);
            assertTrue(answer.header("Content-Type").startsWith("text/html"), page.getKey() + ": " + answer.header("Content-Type"));
            rendersNoMarkup(page.getKey(), answer.body());
            if (page.getValue() != null) {
                showsEscaped(page.getKey(), answer.body(), page.getValue());
            }
            everything.append(answer.body());
        }
        for (String p : PAYLOADS) {
            showsEscaped("the pages", everything.toString(), p);
        }
        String jobs = emulator.get("/_emulator/console/jobs").body();
        for (String p : PAYLOADS) {
            showsEscaped("/_emulator/console/jobs", jobs, p);
        }
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
