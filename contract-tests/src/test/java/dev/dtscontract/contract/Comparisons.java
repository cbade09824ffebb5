package dev.dtscontract.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtscontract.spec.SpecExamples.ResponseExample;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Compares an actual answer with a documented example by meaning: RequestId by form, everything else by value. */
final class Comparisons {

    static final Pattern REQUEST_ID = Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Comparisons() {
    }

    /** Problems found comparing the exchange's response with the example; empty when they agree. */
    static List<String> against(ResponseExample example, Exchange e) {
        List<String> problems = new ArrayList<>();
        if (e.status() != example.status()) {
            problems.add(e.name() + ": status " + e.status() + ", documented " + example.status());
        }
        if (e.responseContentType() == null || !e.responseContentType().startsWith(example.mediaType())) {
            problems.add(e.name() + ": content type " + e.responseContentType() + ", documented " + example.mediaType());
        }
        if (example.isXml()) {
            String expected = example.body().replaceAll(">\\s+<", "><").strip().replaceAll("<RequestId>[^<]*</RequestId>", "<RequestId/>");
            String actual = e.responseBody().strip().replaceAll("<RequestId>[^<]*</RequestId>", "<RequestId/>");
            if (!expected.equals(actual)) problems.add(e.name() + ": XML body\n  actual     " + actual + "\n  documented " + expected);
            String id = e.responseBody().replaceAll("(?s).*<RequestId>([^<]*)</RequestId>.*", "$1");
            if (!REQUEST_ID.matcher(id).matches()) problems.add(e.name() + ": RequestId " + id + " is not an upper-case UUID");
            return problems;
        }
        JsonNode actual;
        try {
            actual = JSON.readTree(e.responseBody());
        } catch (Exception notJson) {
            problems.add(e.name() + ": body is not JSON: " + e.responseBody());
            return problems;
        }
        String id = actual.path("RequestId").asText();
        if (!REQUEST_ID.matcher(id).matches()) problems.add(e.name() + ": RequestId " + id + " is not an upper-case UUID");
        ObjectNode a = ((ObjectNode) actual.deepCopy());
        ObjectNode x = ((ObjectNode) example.json().deepCopy());
        a.remove("RequestId");
        x.remove("RequestId");
        if (!a.equals(x)) problems.add(e.name() + ": body\n  actual     " + a + "\n  documented " + x);
        return problems;
    }
}
