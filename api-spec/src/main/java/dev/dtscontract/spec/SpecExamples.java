package dev.dtscontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtscontract.signing.UrlEncoded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The named examples of the spec, as fixtures for every module's tests and for the verifier (main code of the api-spec
 * jar, read with {@link SpecContract}'s reader).
 * Request examples are the form examples of the POST body; response examples are those of every response
 * component. Examples pair by id: a request example and the response it must produce share one.
 */
public final class SpecExamples {

    /**
     * A request example: its id, which side it applies to (client, server or both), its parameters, and its extensions:
     * x-send (how it is sent beyond a GET of its parameters), x-case (the case of its response's rule it breaks),
     * x-satisfies (the rules, or rule/case, an accepted example satisfies).
     */
    public record RequestExample(String id, String summary, String appliesTo, Map<String, String> parameters,
                                 Map<String, Object> extensions) {

        /** x-send: how the example is sent, beyond a signed GET of its parameters; empty for that plain GET. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> send() {
            Object send = extensions.get("x-send");
            return send == null ? Map.of() : Collections.unmodifiableMap((Map<String, Object>) send);
        }

        /** The operation it calls: its Action, or the first operation's when it leaves Action out (as SignedRequest does). */
        public String action() {
            return SpecContract.actionOf(parameters);
        }

        /** Whether sending it changes nothing: a read, or the precheck alone (see {@link SpecContract#changesNothing}). */
        public boolean changesNothing() {
            return SpecContract.load().changesNothing(parameters);
        }

        /** x-case: which case of its response example's rule this example breaks (rules with cases only). */
        public Optional<String> caseName() {
            return Optional.ofNullable((String) extensions.get("x-case"));
        }

        /** x-satisfies: the rules ("R-ID") or rule cases ("R-ID/case") this accepted example satisfies. */
        @SuppressWarnings("unchecked")
        public List<String> satisfies() {
            Object satisfies = extensions.get("x-satisfies");
            return satisfies == null ? List.of() : List.copyOf((List<String>) satisfies);
        }

        /** The parameters as a query string (or form body), RFC 3986-encoded with space as %20 and * as %2A. */
        public String query() {
            return UrlEncoded.encode(parameters);
        }

        public boolean appliesTo(String side) {
            return appliesTo.equals("both") || appliesTo.equals(side);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** A response example: id, HTTP status, media type, body as text, parsed JSON (null for XML), and extensions. */
    public record ResponseExample(String id, String summary, int status, String mediaType, String body, JsonNode json,
                                  Map<String, Object> extensions) {

        /** client, server, or both (the default when the spec does not restrict it). */
        public String appliesTo() {
            Object side = extensions.get("x-applies-to");
            return side == null ? "both" : side.toString();
        }

        public boolean appliesTo(String side) {
            return appliesTo().equals("both") || appliesTo().equals(side);
        }

        /** The operation it answers: the one whose name its id starts with (SpecCarriesTheDocumentTest holds the ids to it). */
        public String action() {
            return SpecContract.load().operations().keySet().stream().filter(id::startsWith)
                    .max(java.util.Comparator.comparingInt(String::length))
                    .orElseThrow(() -> new IllegalStateException("the example " + id + " names no operation"));
        }

        /** The rule id of x-rule, if any. */
        public Optional<String> rule() {
            return Optional.ofNullable((String) extensions.get("x-rule"));
        }

        public boolean isXml() {
            return mediaType.equals("application/xml");
        }

        /** A top-level field of a JSON example, or null. */
        public String field(String name) {
            JsonNode node = json == null ? null : json.get(name);
            return node == null || node.isNull() ? null : node.asText();
        }

        @Override
        public String toString() {
            return id + (isXml() ? " (XML)" : "");
        }
    }

    /**
     * An x-rules entry of a path item: a rule a schema cannot express, the error code that refuses a request breaking it
     * (empty for a rule no request can break, only an effect shows), and the cases it names (engines, kinds of
     * request), each of which needs its own breaking and satisfying example.
     */
    public record Rule(String id, String text, String errorCode, List<String> cases) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpecExamples INSTANCE = new SpecExamples(SpecContract.text(), SpecContract.document());

    private final String text;
    private final List<RequestExample> requests = new ArrayList<>();
    private final List<ResponseExample> responses = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private SpecExamples(String text, Map<String, Object> spec) {
        this.text = text;
        Map<String, Object> components = map(spec, "components");
        map(spec, "paths").values().forEach(item -> ((List<Map<String, Object>>) ((Map<String, Object>) item).get("x-rules")).forEach(r -> rules.add(new Rule(
                String.valueOf(r.get("id")), String.valueOf(r.get("text")).strip(),
                r.get("errorCode") == null ? "" : String.valueOf(r.get("errorCode")),
                r.get("cases") == null ? List.of() : List.copyOf((List<String>) r.get("cases"))))));
        map(components, "requestBodies").values().forEach(body -> map((Map<String, Object>) body, "content").values()
                .forEach(media -> map((Map<String, Object>) media, "examples")
                        .forEach((id, example) -> requests.add(request(id, (Map<String, Object>) example)))));
        map(components, "responses").values().forEach(response -> map((Map<String, Object>) response, "content")
                .forEach((type, media) -> map((Map<String, Object>) media, "examples")
                        .forEach((id, example) -> responses.add(response(id, type, (Map<String, Object>) example)))));
    }

    /** A JSON example as maps, lists, strings, numbers and booleans. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(JsonNode json) {
        return JSON.convertValue(json, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent == null ? null : parent.get(key);
        return child == null ? Map.of() : (Map<String, Object>) child;
    }

    public static SpecExamples load() {
        return INSTANCE;
    }

    /** The spec's YAML, e.g. for an OpenAPI validator. */
    public String specText() {
        return text;
    }

    public List<RequestExample> requests() {
        return List.copyOf(requests);
    }

    public List<ResponseExample> responses() {
        return List.copyOf(responses);
    }

    /** The x-rules of every path item (`/` first), in the spec's order. */
    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    public RequestExample request(String id) {
        return requests.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the spec has no request example " + id));
    }

    public ResponseExample response(String id, String mediaType) {
        return findResponse(id, mediaType)
                .orElseThrow(() -> new IllegalArgumentException("the spec has no " + mediaType + " response example " + id));
    }

    public Optional<ResponseExample> findResponse(String id, String mediaType) {
        return responses.stream().filter(r -> r.id().equals(id) && r.mediaType().equals(mediaType)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static RequestExample request(String id, Map<String, Object> example) {
        Map<String, String> parameters = new LinkedHashMap<>();
        ((Map<String, Object>) example.get("value")).forEach((name, value) -> parameters.put(name, String.valueOf(value)));
        Map<String, Object> extensions = extensions(example);
        return new RequestExample(id, (String) example.get("summary"), String.valueOf(extensions.getOrDefault("x-applies-to", "both")),
                Collections.unmodifiableMap(parameters), extensions);
    }

    private static ResponseExample response(String id, String mediaType, Map<String, Object> example) {
        Object value = example.get("value");
        String summary = (String) example.get("summary");
        if (value instanceof String xml) {
            int status = xml.contains("<HttpStatusCode>")
                    ? Integer.parseInt(xml.replaceAll("(?s).*<HttpStatusCode>(\\d+)</HttpStatusCode>.*", "$1")) : 200;
            return new ResponseExample(id, summary, status, mediaType, xml, null, extensions(example));
        }
        JsonNode json = JSON.valueToTree(value);
        int status = json.has("HttpStatusCode") ? json.get("HttpStatusCode").asInt() : 200;
        return new ResponseExample(id, summary, status, mediaType, json.toString(), json, extensions(example));
    }

    /** The x- keys of an example, in the spec's order. */
    private static Map<String, Object> extensions(Map<String, Object> example) {
        Map<String, Object> out = new LinkedHashMap<>();
        example.forEach((key, value) -> {
            if (key.startsWith("x-")) {
                out.put(key, value);
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
