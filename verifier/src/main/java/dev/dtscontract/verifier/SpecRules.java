package dev.dtscontract.verifier;

import dev.dtscontract.spec.SpecModel;

import java.util.List;
import java.util.Map;

/** The spec's x-rules (on the path /): the rules a schema cannot express, each with its id and error code. */
public final class SpecRules {

    public record Rule(String id, String text, String errorCode) {
    }

    private SpecRules() {
    }

    @SuppressWarnings("unchecked")
    public static List<Rule> load() {
        Object rules = SpecModel.model().getPaths().get("/").getExtensions().get("x-rules");
        return ((List<Map<String, Object>>) rules).stream()
                .map(r -> new Rule(String.valueOf(r.get("id")), String.valueOf(r.get("text")).strip(),
                        r.get("errorCode") == null ? "" : String.valueOf(r.get("errorCode"))))
                .toList();
    }
}
