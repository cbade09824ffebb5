package dev.dtscontract.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator as users start it: {@code java -jar target/dts-emulator.jar}, a separate process, its own logging (EmulatorLogConfigurator). */
class EmulatorProcessIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))$");

    private static Process start(Map<String, String> environment, String... javaOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(javaOptions));
        command.addAll(List.of("-jar", Path.of("target", "dts-emulator.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("DTS_PORT", "0");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The URL of the emulator's 'listening on http://127.0.0.1:PORT' line (a bound port, not 0); the lines before it are read. */
    private static String listeningUrl(BufferedReader out) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                assertTrue(Integer.parseInt(m.group(2)) > 0, line);
                return m.group(1);
            }
        }
        throw new AssertionError("no 'listening on http://127.0.0.1:PORT' line");
    }

    private static String readAll(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void seedWithAMistake_stopsTheStartWithOneLineNamingFilePositionAndProblem(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(seed, "jobs:\n  - dtsJobId: j1\n    dtsInstanceId: d1\n");
        Process p = start(Map.of("DTS_SEED_PATH", seed.toString()));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the emulator must stop, not run with a broken seed");
        String out = readAll(p.getInputStream());
        String err = readAll(p.getErrorStream());
        assertEquals(2, p.exitValue());
        assertEquals("dts-emulator: cannot start: seed " + seed + ":2:5: jobs[0]: 'region' is missing\n", err);
        assertFalse(out.contains("listening"), out);
        assertFalse(out.contains("\tat ") || out.contains("Exception"), "no stack trace: " + out);
    }

    @Test
    void missingSeedFile_isNamed(@TempDir Path dir) throws Exception {
        Process p = start(Map.of("DTS_SEED_PATH", dir.resolve("nope.yaml").toString()));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals("dts-emulator: cannot start: seed " + dir.resolve("nope.yaml") + ": no such file\n", readAll(p.getErrorStream()));
    }

    @Test
    void portZero_printsTheBoundAddress_accessLogMasksSecrets_andSigtermStopsCleanly() throws Exception {
        Process p = start(Map.of(), "-Dmicronaut.server.netty.access-logger.enabled=true");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String url = listeningUrl(out);
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url + "/_emulator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        http.send(HttpRequest.newBuilder(URI.create(url + "/?Action=ModifyDtsJobEndpoint&Password=Top-Secret-Pass1"
                + "&ShardPassword=Shard-Secret-2&SecurityToken=sts-token-value-3&Endpoint=src")).build(), HttpResponse.BodyHandlers.ofString());

        p.toHandle().destroy(); // SIGTERM (Process.destroy would also close the streams still to be read)
        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "SIGTERM must stop the emulator");
        String rest = out.lines().collect(java.util.stream.Collectors.joining("\n"));
        assertEquals(143, p.exitValue(), "the JVM's exit status after SIGTERM and its shutdown hooks");
        String access = rest.lines().filter(l -> l.contains("HTTP_ACCESS_LOGGER") && l.contains("GET /?")).findFirst().orElse("");
        assertTrue(access.contains("\"GET /?Action=ModifyDtsJobEndpoint&Password=******&ShardPassword=******&SecurityToken=******"
                + "&Endpoint=src HTTP/1.1\""), access);
        for (String fragment : List.of("Top-Secret", "Secret-Pass", "Shard-Secret", "sts-token", "token-value")) {
            assertFalse(rest.contains(fragment), "part of a secret in the log: " + fragment);
        }
        assertFalse(rest.contains("Exception"), rest);
    }

    @Test
    void theRunnableJar_findsMicronautsServicesInItsIndex_withoutOpeningItselfAgain(@TempDir Path dir) throws Exception {
        // ServiceIndex (#28): the build lists the jar's services into it; a start installs the list instead of walking
        // the jar as a zip file system. Without the index (or with it not installed) Micronaut's scan loads the JDK's zip
        // file system at start: the class-loading log says which happened.
        Path classes = dir.resolve("classes.log");
        Process p = start(Map.of(), "-Xlog:class+load=info:file=" + classes);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String url = listeningUrl(out);
        assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/_emulator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the services the index lists answer");
        p.toHandle().destroy();
        assertTrue(p.waitFor(15, TimeUnit.SECONDS));
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains(" dev.dtscontract.server.ServiceIndex "), "the index was not read");
        assertFalse(loaded.contains(" jdk.nio.zipfs.ZipFileSystem "), "the jar was walked as a zip file system at start");
    }
}
