// Writes the benchmark's fixtures from the spec inside the emulator jar (run with the jar on the classpath):
// the documented success bodies (JSON, XML), the document's sample request as a query, and a WireMock stub.
// The spec stays the only place these live.
import dev.dtscontract.server.rpc.SpecContract;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

public class SpecFixtures {

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.resolve("wiremock/mappings"));
        Map<String, Object> spec;
        try (InputStream in = SpecFixtures.class.getClassLoader().getResourceAsStream("openapi/ModifyDtsJobEndpoint.yaml")) {
            spec = new Yaml(new LoaderOptions()).load(in);
            Files.write(out.resolve("spec.yaml"), SpecFixtures.class.getClassLoader()
                    .getResourceAsStream("openapi/ModifyDtsJobEndpoint.yaml").readAllBytes());
        }
        Map<String, Object> components = (Map<String, Object>) spec.get("components");
        Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) components.get("responses")).get("ModifyDtsJobEndpointOk");
        Map<String, Object> content = (Map<String, Object>) ok.get("content");
        String id = "ModifyDtsJobEndpointDocumentedSample";
        Map<String, Object> json = (Map<String, Object>) example(content, "application/json", id);
        String jsonBody = "{\"HttpStatusCode\":\"" + json.get("HttpStatusCode") + "\",\"RequestId\":\"" + json.get("RequestId")
                + "\",\"Success\":" + json.get("Success") + "}";
        Files.writeString(out.resolve("success.json"), jsonBody);
        Files.writeString(out.resolve("success.xml"), ((String) example(content, "application/xml", id)).strip());

        StringJoiner query = new StringJoiner("&");
        SpecContract.requestExample(id).forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
        Files.writeString(out.resolve("sample.query"), query.toString());

        String escaped = jsonBody.replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(out.resolve("wiremock/mappings/documented-sample.json"), """
                {"request": {"method": "GET", "urlPath": "/"},
                 "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": "%s"}}
                """.formatted(escaped));
    }

    @SuppressWarnings("unchecked")
    private static Object example(Map<String, Object> content, String mediaType, String id) {
        Map<String, Object> examples = (Map<String, Object>) ((Map<String, Object>) content.get(mediaType)).get("examples");
        return ((Map<String, Object>) examples.get(id)).get("value");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
