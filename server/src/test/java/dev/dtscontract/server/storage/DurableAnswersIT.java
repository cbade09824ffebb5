package dev.dtscontract.server.storage;

import dev.dtscontract.server.EmbeddedEmulator;
import dev.dtscontract.server.auth.TestSigner;
import dev.dtscontract.spec.SpecExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DurableAnswers holds every answer until what was written before it is forced: the nonce and change records are only
 * written on the request's way (never forced there), so a forced log after each answer shows the filter ran. Concurrent
 * answers share flushes.
 */
class DurableAnswersIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SAMPLE = SpecExamples.load().request("ModifyDtsJobEndpointDocumentedSample").query();

    @TempDir
    Path data;

    private static HttpResponse<String> get(URI base, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/?" + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswer_leavesOnlyOnceWhatItsRequestWroteIsForced_andConcurrentAnswersShareFlushes() throws Exception {
        try (EmbeddedEmulator emulator = EmbeddedEmulator.start(Map.of("dts.data-dir", data.toString()))) {
            DataDirectory directory = emulator.bean(DataDirectory.class);
            String change = "Action=ModifyDtsJobEndpoint&DtsJobId=m4312mab158%2A%2A%2A%2A&Endpoint=src&EndpointInstanceType=rds"
                    + "&EndpointInstanceId=rm-bp1alt0mysql0002";
            for (String query : List.of(SAMPLE, change, SAMPLE + "&Format=XML")) {
                HttpResponse<String> answer = get(emulator.url(), TestSigner.signQuery("GET", query));
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals(0, directory.unforced(), "answered before its records were forced: " + directory.flushes() + " flushes for " + directory.records() + " records");
            }
            long flushesBefore = directory.flushes();
            long recordsBefore = directory.records();
            List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                concurrent.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(emulator.url() + "/?" + TestSigner.signQuery("GET", SAMPLE)))
                        .GET().build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : concurrent) {
                assertEquals(200, f.get().statusCode());
            }
            assertEquals(0, directory.unforced());
            long flushes = directory.flushes() - flushesBefore;
            long records = directory.records() - recordsBefore;
            System.out.println("DurableAnswersIT: the 64 concurrent requests took " + flushes + " flushes for " + records + " records");
            assertEquals(64, records, "one nonce record each");
            assertTrue(flushes < records, "no flush was shared: " + flushes + " flushes for " + records + " records");
        }
    }
}
