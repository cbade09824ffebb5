package dev.dtscontract.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one form and query decoder (R-ENCODING): escapes, '+', UTF-8, and which pairs are malformed. */
class UrlEncodedTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "plain       | plain",
            "a+b         | a b",
            "%2A%2a      | **",
            "%30%39%3A   | 09:",
            "%40%41%46%47| @AFG",
            "%60%61%66%67| `afg",
            "%E4%B8%AD   | \u4e2d",
            "x%20        | 'x '",
            "%7E~        | ~~",
            "中+%41      | 中 A",
    })
    void component_decodes(String encoded, String decoded) {
        assertEquals(decoded, UrlEncoded.decodeComponent(encoded));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%", "%2", "a%2", "%zz", "%g0", "%0g", "%/0", "%:0", "%@0", "%G0", "%`0", "%0/", "%0:", "%0@", "%0G", "%0`", "%-1"})
    void badOrCutEscape_isRefused(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> UrlEncoded.decodeComponent(encoded));
    }

    @Test
    void text_decodesEveryPair_inOrder_keepingRepeatsAndEmptyValues() {
        UrlEncoded.Decoded d = UrlEncoded.decode("a=1&b=&a=2&c&&=v&d=x=y");
        assertEquals(Map.of("a", List.of("1", "2"), "b", List.of(""), "c", List.of(""), "", List.of("v"), "d", List.of("x=y")), d.values());
        assertEquals(List.of("a", "b", "c", "", "d"), List.copyOf(d.values().keySet()));
        assertEquals(List.of(), d.malformed());
    }

    @Test
    void malformedPairs_areNamedAsSent_andTheOthersStillDecoded() {
        UrlEncoded.Decoded d = UrlEncoded.decode("Password=ab%zz&Endpoint=src&B%a=1&N%zz=2");
        assertEquals(List.of("Password", "B%a", "N%zz"), d.malformed());
        assertEquals(Map.of("Endpoint", List.of("src")), d.values());
    }

    @Test
    void nothing_decodesToNothing() {
        assertEquals(Map.of(), UrlEncoded.decode(null).values());
        assertEquals(Map.of(), UrlEncoded.decode("").values());
        assertEquals(Map.of(), UrlEncoded.decode("&&").values());
        assertEquals(Map.of("a", List.of("1")), UrlEncoded.decode("a=1&").values());
    }
}
