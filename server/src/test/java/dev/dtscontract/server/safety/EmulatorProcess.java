package dev.dtscontract.server.safety;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator as the README starts it ({@code java -XX:SharedArchiveFile=... -XX:+UseSerialGC -Xmx128m -jar
 * target/dts-emulator.jar}), a process of its own on a free port, its output kept for the test to read; and raw HTTP/1.1
 * to it, so a test sends exactly the Host, Origin and body it means (the JDK's client refuses to set Host).
 */
final class EmulatorProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[0-9.]+:(\\d+)$");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    final int port;

    EmulatorProcess(Map<String, String> environment) throws IOException, InterruptedException {
        // -Ddts.emulator.jar runs these tests against another build (e.g. the commit before a fix, to see them fail).
        Path jar = Path.of(System.getProperty("dts.emulator.jar", Path.of("target", "dts-emulator.jar").toString()));
        Path archive = jar.resolveSibling("dts-emulator.jsa");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-XX:+UseSerialGC", "-Xmx128m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DTS_PORT", "0");
        builder.environment().putAll(environment);
        process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int found = -1;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            output.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                found = Integer.parseInt(m.group(1));
                break;
            }
        }
        if (found < 0) {
            int exit = process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
            throw new NotStarted(exit, "the emulator did not start:\n" + output);
        }
        port = found;
        Thread drain = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    output.append(line).append('\n');
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "emulator-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** Everything the process printed so far. */
    String output() {
        return output.toString();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL (kill -9): no shutdown hook runs, nothing is flushed at exit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(15, TimeUnit.SECONDS);
    }

    /** A start that did not reach listening: its exit status and everything it printed. */
    record Failed(int exitStatus, String output) {
    }

    /** Starts the emulator expecting it to stop before it listens (within 60 s). */
    static Failed failedStart(Map<String, String> environment) throws IOException, InterruptedException {
        try (EmulatorProcess started = new EmulatorProcess(environment)) {
            throw new AssertionError("the emulator started:\n" + started.output());
        } catch (NotStarted didNotStart) {
            return new Failed(didNotStart.exitStatus, didNotStart.getMessage());
        }
    }

    /** The process ended (or hung) before it said where it listens. */
    static final class NotStarted extends IllegalStateException {
        final int exitStatus;

        NotStarted(int exitStatus, String message) {
            super(message);
            this.exitStatus = exitStatus;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** An answer as read off the wire. Header names in lower case. */
    record Answer(int status, Map<String, String> headers, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body();
        }
    }

    /** One request, exactly as given, on a connection of its own ({@code Connection: close} is added). */
    Answer send(String method, String target, String host, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (host != null) {
            head.append("Host: ").append(host).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (java.net.SocketException answeredEarly) {
                // The emulator may answer (a 413) and close before a refused body is all written: read what it said.
            }
            return read(socket.getInputStream());
        }
    }

    Answer send(String method, String target, Map<String, String> headers, String body) throws IOException {
        return send(method, target, "127.0.0.1:" + port, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String target) throws IOException {
        return send("GET", target, Map.of(), null);
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete answer: " + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            int size = Integer.parseInt(new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(chunked, at, size);
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
