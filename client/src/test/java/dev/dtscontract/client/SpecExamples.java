package dev.dtscontract.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The response examples of the spec in the api-spec jar: the only place a wire fixture lives. */
final class SpecExamples {

    /** One response example: its id, status, media type, body text and parsed value. */
    record ResponseExample(String id, int status, String mediaType, String body, Object value, Map<String, Object> extensions) {

        @SuppressWarnings("unchecked")
        String field(String name) {
            return String.valueOf(((Map<String, Object>) value).get(name));
        }

        @Override
        public String toString() {
            return id + " (" + mediaType + ")";
        }
    }

    private static final List<ResponseExample> ALL = load();

    private SpecExamples() {
    }

    static List<ResponseExample> all() {
        return ALL;
    }

    static ResponseExample get(String id, String mediaType) {
        return ALL.stream().filter(e -> e.id().equals(id) && e.mediaType().equals(mediaType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example " + id + " for " + mediaType + " in the spec"));
    }

    @SuppressWarnings("unchecked")
    private static List<ResponseExample> load() {
        try (InputStream in = SpecExamples.class.getClassLoader().getResourceAsStream("openapi/ModifyDtsJobEndpoint.yaml")) {
            Map<String, Object> spec = new Yaml(new LoaderOptions()).load(in);
            Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("responses");
            List<ResponseExample> out = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (Object response : responses.values()) {
                Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response).get("content");
                content.forEach((mediaType, media) -> {
                    Map<String, Object> examples = (Map<String, Object>) ((Map<String, Object>) media).get("examples");
                    examples.forEach((id, example) -> {
                        Map<String, Object> e = (Map<String, Object>) example;
                        Object value = e.get("value");
                        String body = value instanceof String text ? text : write(json, value);
                        int status = value instanceof Map<?, ?> map && map.get("Success") == Boolean.TRUE ? 200
                                : value instanceof Map<?, ?> map2 ? Integer.parseInt(String.valueOf(map2.get("HttpStatusCode")))
                                : body.startsWith("<Error>") ? Integer.parseInt(body.replaceAll("(?s).*<HttpStatusCode>(\\d+)</HttpStatusCode>.*", "$1"))
                                : 200;
                        out.add(new ResponseExample(id, status, mediaType, body, value, e));
                    });
                });
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
