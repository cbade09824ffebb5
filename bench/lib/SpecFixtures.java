// Writes the benchmark's fixtures from the spec inside the emulator jar (run with the jar on the classpath):
// the documented success bodies (JSON, XML), the document's sample request as a query, DescribeDtsJobDetail's sample
// request as a query (case read), and a WireMock stub.
// The spec stays the only place these live.
import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.spec.SpecContract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

public class SpecFixtures {

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.resolve("wiremock/mappings"));
        Files.write(out.resolve("spec.yaml"), SpecFixtures.class.getClassLoader()
                .getResourceAsStream(SpecContract.SPEC_RESOURCE).readAllBytes());
        String id = "ModifyDtsJobEndpointDocumentedSample";
        Map<String, Object> json = (Map<String, Object>) SpecContract.responseExample(id, "application/json");
        String jsonBody = "{\"HttpStatusCode\":\"" + json.get("HttpStatusCode") + "\",\"RequestId\":\"" + json.get("RequestId")
                + "\",\"Success\":" + json.get("Success") + "}";
        Files.writeString(out.resolve("success.json"), jsonBody);
        Files.writeString(out.resolve("success.xml"), ((String) SpecContract.responseExample(id, "application/xml")).strip());

        Files.writeString(out.resolve("sample.query"), UrlEncoded.encode(SpecContract.requestExample(id)));
        // The read a polling client sends: DescribeDtsJobDetail's documented sample (a seeded job).
        Files.writeString(out.resolve("describe.query"),
                UrlEncoded.encode(SpecContract.requestExample("DescribeDtsJobDetailDocumentedSample")));

        String escaped = jsonBody.replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(out.resolve("wiremock/mappings/documented-sample.json"), """
                {"request": {"method": "GET", "urlPath": "/"},
                 "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": "%s"}}
                """.formatted(escaped));
    }
}
