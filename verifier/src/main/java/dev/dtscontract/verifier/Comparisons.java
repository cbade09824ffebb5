package dev.dtscontract.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtscontract.spec.SpecExamples.ResponseExample;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Compares an actual answer with a documented example by meaning: RequestId by form, everything else by value. */
public final class Comparisons {

    public static final Pattern REQUEST_ID = Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Comparisons() {
    }

    /**
     * Problems found comparing the status, content type and error Code of the exchange's response with the example's:
     * for answers whose message depends on the request (a string to sign, an id), where the code is the contract.
     */
    public static List<String> byCode(ResponseExample example, Exchange e) {
        List<String> problems = new ArrayList<>(statusAndType(example, e));
        String code;
        try {
            code = JSON.readTree(e.responseBody()).path("Code").asText(null);
        } catch (Exception notJson) {
            code = null;
        }
        if (!java.util.Objects.equals(code, example.field("Code"))) {
            problems.add(e.name() + ": Code " + code + ", documented " + example.field("Code"));
        }
        return problems;
    }

    /** Problems found comparing the exchange's response with the example; empty when they agree. */
    public static List<String> against(ResponseExample example, Exchange e) {
        List<String> problems = new ArrayList<>(statusAndType(example, e));
        if (example.isXml()) {
            String expected = example.body().replaceAll(">\\s+<", "><").strip().replaceAll("<RequestId>[^<]*</RequestId>", "<RequestId/>");
            // Whitespace between elements carries nothing in XML: a pretty-printed answer is the same answer.
            String actual = e.responseBody().replaceAll(">\\s+<", "><").strip().replaceAll("<RequestId>[^<]*</RequestId>", "<RequestId/>");
            if (!expected.equals(actual)) problems.add(e.name() + ": XML body\n  actual     " + actual + "\n  documented " + expected);
            String id = e.responseBody().replaceAll("(?s).*<RequestId>([^<]*)</RequestId>.*", "$1");
            if (!REQUEST_ID.matcher(id).matches()) problems.add(e.name() + ": RequestId " + id + " is not an upper-case UUID");
            return problems;
        }
        JsonNode actual;
        try {
            actual = JSON.readTree(e.responseBody());
        } catch (Exception notJson) {
            actual = null;
        }
        if (!(actual instanceof ObjectNode)) {
            problems.add(e.name() + ": body is not a JSON object: " + e.responseBody());
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

    private static List<String> statusAndType(ResponseExample example, Exchange e) {
        List<String> problems = new ArrayList<>();
        if (e.status() != example.status()) {
            problems.add(e.name() + ": status " + e.status() + ", documented " + example.status());
        }
        if (e.responseContentType() == null || !e.responseContentType().startsWith(example.mediaType())) {
            problems.add(e.name() + ": content type " + e.responseContentType() + ", documented " + example.mediaType());
        }
        return problems;
    }
}
