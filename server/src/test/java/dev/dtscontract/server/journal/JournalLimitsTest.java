package dev.dtscontract.server.journal;

import dev.dtscontract.signing.UrlEncoded;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How much of a request the journal keeps: each value cut visibly, a request's parameters within a budget. */
class JournalLimitsTest {

    private final JournalLimits admitted = JournalLimits.of(16L * 1024 * 1024, 1000, false);
    private final JournalLimits refused = JournalLimits.of(16L * 1024 * 1024, 1000, true);

    @Test
    void theLimits_followFromTheBudgetSharedByTheEntries() {
        assertEquals(1024, admitted.value());
        assertEquals(8192, admitted.parameters());
        assertEquals(2048, admitted.answerValue());
        assertEquals(128, refused.value());
        assertEquals(1024, refused.parameters());
        assertEquals(512, refused.answerValue());
        JournalLimits many = JournalLimits.of(16L * 1024 * 1024, 100_000, false); // 167 bytes each: the floor of 2 KiB holds
        assertEquals(256, many.value());
        assertEquals(1024, many.parameters());
        JournalLimits few = JournalLimits.of(16L * 1024 * 1024, 10, false); // 1.6 MiB each: the ceiling of 16 KiB holds
        assertEquals(8192, few.parameters());
    }

    @Test
    void aValueWithinItsLimit_isKeptAsItIs() {
        String query = "Action=ModifyDtsJobEndpoint&Password=" + "p".repeat(1024);
        assertEquals(query, admitted.raw(query, 0));
        assertSame("A=1", admitted.raw("A=1", 0));
        assertNull(admitted.raw(null, 0));
        String text = "x".repeat(2048);
        assertSame(text, admitted.answerText(text));
    }

    @Test
    void aLongValue_isCutAndSaysHowManyBytesWereLeftOut_whenDecoded() {
        String query = "Action=ModifyDtsJobEndpoint&Padding=" + "p".repeat(5000) + "&DryRun=true";
        Map<String, String> shown = UrlEncoded.decode(admitted.raw(query, 0)).single();
        assertEquals("p".repeat(1024) + "\u2026(+3976 bytes)", shown.get("Padding"));
        assertEquals("ModifyDtsJobEndpoint", shown.get("Action"));
        assertEquals("true", shown.get("DryRun"));
        assertEquals("p".repeat(128) + "\u2026(+4872 bytes)", UrlEncoded.decode(refused.raw(query, 0)).single().get("Padding"));
    }

    @Test
    void aCut_neverSplitsAnEscapeOrACharacter_andCountsDecodedBytes() {
        // 200 "é" (two bytes each, %C3%A9): 128 bytes is 64 characters; the rest, 272 bytes, is what was left out.
        String value = "%C3%A9".repeat(200);
        assertEquals("\u00e9".repeat(64) + "\u2026(+272 bytes)", UrlEncoded.decode(refused.raw("Name=" + value, 0)).single().get("Name"));
        // An odd limit falls inside a character: the cut goes back to its start.
        String odd = "a" + "%C3%A9".repeat(100);
        assertEquals("a" + "\u00e9".repeat(63) + "\u2026(+74 bytes)", UrlEncoded.decode(refused.raw("Name=" + odd, 0)).single().get("Name"));
        assertTrue(UrlEncoded.decode(refused.raw("Name=" + odd, 0)).malformed().isEmpty());
    }

    @Test
    void parametersPastTheBudget_areLeftOutAndCounted() {
        StringBuilder query = new StringBuilder("Action=ModifyDtsJobEndpoint");
        for (int i = 0; i < 200; i++) {
            query.append("&P").append(String.format("%03d", i)).append('=').append("v".repeat(60));
        }
        String kept = refused.raw(query.toString(), 0);
        Map<String, String> shown = UrlEncoded.decode(kept).single();
        assertTrue(kept.length() <= 1024 + 80, "kept " + kept.length());
        assertEquals("ModifyDtsJobEndpoint", shown.get("Action"));
        assertEquals(15, shown.keySet().stream().filter(n -> n.startsWith("P")).count());
        assertEquals("(+185 more parameters, 12025 bytes)", shown.get("\u2026"));
        // The form shares the query's budget.
        Map<String, String> form = UrlEncoded.decode(refused.raw("A=" + "x".repeat(10) + "&B=y", 1020)).single();
        assertEquals("(+1 more parameters, 12 bytes)", form.get("\u2026"), "A is past the budget");
        assertEquals("y", form.get("B"), "B, shorter, still fits");
    }

    @Test
    void aLongNameIsCutToo_andTextIsCutInUtf8Bytes() {
        Map<String, String> shown = UrlEncoded.decode(admitted.raw("N" + "n".repeat(2000) + "=v", 0)).single();
        assertEquals("N" + "n".repeat(127) + "\u2026(+1873 bytes)", shown.keySet().iterator().next());
        assertEquals("v", shown.values().iterator().next());
        assertEquals("\u20ac".repeat(42) + "\u2026(+174 bytes)", JournalLimits.cut("\u20ac".repeat(100), 128));
        assertEquals("id", JournalLimits.shortText("id"));
        assertNull(JournalLimits.shortText(null));
    }
}
