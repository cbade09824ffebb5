package dev.dtscontract.server.safety;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The documented examples of the control spec's shared responses, read from the spec (never copied into a test). */
final class ControlSpecExamples {

    private ControlSpecExamples() {
    }

    /** The value of example {@code name} of the response {@code response} (components.responses), as JSON reads. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> example(String response, String name) {
        Map<String, Object> spec;
        try (InputStream in = ControlSpecExamples.class.getClassLoader().getResourceAsStream("openapi/EmulatorControl.yaml")) {
            spec = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object at = spec;
        for (String key : new String[] {"components", "responses", response, "content", "application/json", "examples", name, "value"}) {
            at = ((Map<String, Object>) at).get(key);
        }
        return (Map<String, Object>) at;
    }
}
