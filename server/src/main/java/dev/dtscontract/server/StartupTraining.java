package dev.dtscontract.server;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.signing.SignedRequest;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.server.seed.SeedLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the class-data-sharing archive that the build writes next to the runnable jar
 * ({@code -XX:ArchiveClassesAtExit=dts-emulator.jsa}): starts the emulator on a free port as {@code java -jar} does
 * (its service index installed), sends the spec's documented samples signed with the demo key (ModifyDtsJobEndpoint in
 * JSON and XML, DescribeDtsJobDetail, ModifyDtsJobEndpoint signed with signature V3), one unsigned request (the error
 * path), and the control API's first requests (health, reset), then exits. A JVM started with
 * {@code -XX:SharedArchiveFile=dts-emulator.jsa} then maps those classes instead of loading them from the jar, for
 * the start and for the first request of each of those kinds (bench/). Not part of the emulator's behaviour; it fails
 * the build if one of them is not answered as documented (200, the parameterless request 400), since an archive
 * trained on failures would say little.
 */
public final class StartupTraining {

    private static final String SAMPLE = "ModifyDtsJobEndpointDocumentedSample";
    private static final String DESCRIBE_SAMPLE = "DescribeDtsJobDetailDocumentedSample";

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        ServiceIndex.install(); // as Application.main does: the archive then holds what a real start loads
        ApplicationContext context = Application.start(args, Map.of("micronaut.server.port", -1));
        String base = context.getBean(EmbeddedServer.class).getURL() + "/";
        AccessKey demo = SeedLoader.loadDefault().accounts().key(Seed.DEMO_ACCESS_KEY_ID).orElseThrow();
        Map<String, String> sample = SpecContract.requestExample(SAMPLE);
        Map<String, String> sampleAsXml = new LinkedHashMap<>(sample);
        sampleAsXml.put("Format", "XML");
        int failures = 0;
        for (Map<String, String> request : List.of(sample, sampleAsXml, SpecContract.requestExample(DESCRIBE_SAMPLE))) {
            SignedRequest signed = SignedRequest.builder().query(request).credentials(demo.credentials()).at(Instant.now()).rpc();
            failures += get(base + "?" + signed.queryString(), Map.of()) == 200 ? 0 : 1;
        }
        // Signature V3, what every current Alibaba SDK sends (#28: the archive had only the RPC signature's classes).
        SignedRequest v3 = SignedRequest.builder().query(sample).credentials(demo.credentials()).at(Instant.now())
                .host(URI.create(base).getAuthority()).v3();
        failures += get(base + "?" + v3.queryString(), v3.headers()) == 200 ? 0 : 1;
        failures += get(base + "?Action=ModifyDtsJobEndpoint", Map.of()) == 400 ? 0 : 1;
        // The test-control API a JUnit extension or a test asks first (loopback, no token): health, then a reset.
        failures += get(base + "_emulator/health", Map.of()) == 200 ? 0 : 1;
        failures += send("POST", base + "_emulator/reset") == 200 ? 0 : 1;
        context.close();
        if (failures > 0) {
            System.err.println("StartupTraining: the emulator did not answer the documented samples and the control "
                    + "API's health and reset with 200, and a request without parameters with 400; see above.");
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int get(String url, Map<String, String> headers) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        headers.forEach(connection::setRequestProperty);
        return answer(connection);
    }

    private static int send(String method, String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        return answer(connection);
    }

    private static int answer(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String answer = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            System.out.println("StartupTraining: " + status + " " + answer);
        }
        return status;
    }
}
