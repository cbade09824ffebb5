package dev.dtscontract.server;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.SignRequest;
import dev.dtscontract.server.rpc.SpecContract;
import dev.dtscontract.server.seed.SeedLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;

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
        ApplicationContext context = Application.start(args, Map.of("micronaut.server.port", -1));
        String base = context.getBean(EmbeddedServer.class).getURL() + "/";
        AccessKey demo = SeedLoader.loadDefault().accounts().key("LTAI5tDemoAccessKey0001").orElseThrow();
        String sample = documentedSample();
        int failures = 0;
        for (String query : new String[] {sample, sample + "&Format=XML"}) {
            failures += get(base + "?" + SignRequest.sign("GET", query, demo, Instant.now())) == 200 ? 0 : 1;
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

    /** The document's sample request, as the spec gives it (form example of the POST body). */
    @SuppressWarnings("unchecked")
    private static String documentedSample() {
        try (InputStream in = StartupTraining.class.getClassLoader().getResourceAsStream(SpecContract.SPEC_RESOURCE)) {
            Map<String, Object> spec = new Yaml(new LoaderOptions()).load(in);
            Map<String, Object> form = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    spec.get("components")).get("requestBodies")).get("ModifyDtsJobEndpointForm")).get("content");
            Map<String, Object> examples = (Map<String, Object>) ((Map<String, Object>) form.get("application/x-www-form-urlencoded")).get("examples");
            Map<String, Object> sample = (Map<String, Object>) ((Map<String, Object>) examples.get(SAMPLE)).get("value");
            StringJoiner query = new StringJoiner("&");
            sample.forEach((name, value) -> query.add(encode(name) + "=" + encode(String.valueOf(value))));
            return query.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
