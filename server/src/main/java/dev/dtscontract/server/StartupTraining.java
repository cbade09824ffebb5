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
 * ({@code -XX:ArchiveClassesAtExit=dts-emulator.jsa}): starts the emulator on a free port, sends the spec's
 * documented sample signed with the demo key (JSON and XML) and one unsigned request (the error path), then
 * exits. A JVM started with {@code -XX:SharedArchiveFile=dts-emulator.jsa} then maps those classes instead of
 * loading them from the jar: start to first answer drops from about 1.8 s to about 1 s on 2 cores (bench/).
 * Not part of the emulator's behaviour; it fails the build if the documented sample is not answered 200 or the
 * parameterless request not 400, since an archive trained on failures would say little.
 */
public final class StartupTraining {

    private static final String SAMPLE = "ModifyDtsJobEndpointDocumentedSample";

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
        for (Map<String, String> request : List.of(sample, sampleAsXml)) {
            SignedRequest signed = SignedRequest.builder().query(request).credentials(demo.credentials()).at(Instant.now()).rpc();
            failures += get(base + "?" + signed.queryString()) == 200 ? 0 : 1;
        }
        failures += get(base + "?Action=ModifyDtsJobEndpoint") == 400 ? 0 : 1;
        context.close();
        if (failures > 0) {
            System.err.println("StartupTraining: the emulator did not answer the documented sample with 200 "
                    + "and a request without parameters with 400; see above.");
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String answer = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            System.out.println("StartupTraining: " + status + " " + answer);
        }
        return status;
    }
}
