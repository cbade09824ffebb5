package dev.dtscontract.server.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an error message shows of a value: cut at 64 characters, never a character that breaks XML or a log line. */
class PrintableTest {

    @Test
    void controlsAndNonCharacters_areEscaped_theRestKept() {
        assertEquals("plain text", Printable.of("plain text"));
        assertEquals("tab\\u0009here", Printable.of("tab\there"));
        assertEquals("\\u001F and  ", Printable.of("\u001f and \u0020"));
        assertEquals("del \\u007F, C1 \\u0080 \\u009F, \u00a0~", Printable.of("del \u007f, C1 \u0080 \u009f, \u00a0~"));
        assertEquals("\u2027\\u2028\\u2029\u202a", Printable.of("\u2027\u2028\u2029\u202a"));
        assertEquals("\ufffd\\uFFFE\\uFFFF", Printable.of("\ufffd\ufffe\uffff"));
    }

    @Test
    void surrogatePairs_areKept_loneSurrogatesEscaped() {
        assertEquals("a\uD83D\uDE00b", Printable.of("a\uD83D\uDE00b"));
        assertEquals("a\\uD83Db", Printable.of("a\uD83Db"));
        assertEquals("a\\uDE00b", Printable.of("a\uDE00b"));
        assertEquals("\\u000A\uD83D\uDE00", Printable.of("\n\uD83D\uDE00"), "a pair after an escape is kept whole");
    }

    @Test
    void longValues_areCutAt64_neverInsideAPair() {
        String sixtyFour = "x".repeat(64);
        assertEquals(sixtyFour, Printable.of(sixtyFour));
        assertEquals(sixtyFour + "...", Printable.of(sixtyFour + "y"));
        String pairAcrossTheCut = "x".repeat(63) + "\uD83D\uDE00";
        assertEquals("x".repeat(63) + "...", Printable.of(pairAcrossTheCut));
        assertEquals("\\u0007" + "x".repeat(63) + "...", Printable.of("\u0007" + "x".repeat(70)));
        assertEquals("", Printable.of(null));
    }
}
