package dev.dtscontract.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control API's clock (C-CLOCK) over raw HTTP: it only moves forward, by valid amounts, and a reset keeps it. */
class ControlClockTest {

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    private static RawHttp.Response send(String method, String body) {
        try (RawHttp http = new RawHttp(emulator.url())) {
            return http.send(method, "/_emulator/clock", Map.of("Content-Type", "application/json"),
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long advancedSeconds() {
        String body = send("GET", null).body();
        return Long.parseLong(body.replaceAll(".*\"advancedSeconds\":(\\d+).*", "$1"));
    }

    @Test
    void advance_movesTheClockForwardByExactlyThatMuch_andAResetKeepsIt() {
        long before = advancedSeconds();
        Instant machineBefore = Instant.now();
        RawHttp.Response r = send("POST", "{\"seconds\": 3600}");
        assertEquals(200, r.status(), r.body());
        assertEquals(before + 3600, Long.parseLong(r.body().replaceAll(".*\"advancedSeconds\":(\\d+).*", "$1")), r.body());
        Instant now = Instant.parse(r.body().replaceAll(".*\"now\":\"([^\"]+)\".*", "$1"));
        Duration ahead = Duration.between(machineBefore, now);
        assertTrue(ahead.compareTo(Duration.ofSeconds(before + 3600)) >= 0 && ahead.compareTo(Duration.ofSeconds(before + 3610)) < 0,
                "now is the machine's time plus the offset: " + ahead);
        emulator.examples().control().reset();
        assertEquals(before + 3600, advancedSeconds(), "C-RESET: the clock survives a reset");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"seconds\": 0}                  | seconds must be from 1 to 31536000 (one year), not 0",
            "{\"seconds\": -5}                 | seconds must be from 1 to 31536000 (one year), not -5",
            "{\"seconds\": 31536001}           | seconds must be from 1 to 31536000 (one year), not 31536001",
            "{}                                | seconds must be from 1 to 31536000 (one year), not null",
            "{\"seconds\": \"60\"}               | seconds must be a whole number of seconds, not 60",
            "{\"seconds\": 1.5}                | seconds must be a whole number of seconds, not 1.5",
            "{\"seconds\": 60, \"minutes\": 1} | the body must be a JSON object like {\\\"seconds\\\": 60}, with no other key",
            "{\"seconds\": 1, \"seconds\": 31536000} | the body must be a JSON object like {\\\"seconds\\\": 60}, each key once",
            "not json                          | The request cannot be read.",
            "[60]                              | The request cannot be read.",
    })
    void invalidAdvance_isAControlErrorSayingWhatIsExpected_andMovesNothing(String body, String message) {
        long before = advancedSeconds();
        RawHttp.Response r = send("POST", body);
        assertEquals(400, r.status(), r.body());
        assertEquals("{\"code\":\"InvalidParameter\",\"message\":\"" + message + "\"}", r.body());
        assertEquals(before, advancedSeconds());
    }
}
