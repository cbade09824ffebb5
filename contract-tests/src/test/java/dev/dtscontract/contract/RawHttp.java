package dev.dtscontract.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, keep-alive, sending exactly the bytes a test gives it: any method spelling, a
 * request target no URI class would accept, any headers. For fuzzing and for the edge's tests; real clients are
 * tested with real clients.
 */
final class RawHttp implements AutoCloseable {

    /** One answer: status, headers (lower-case names) and body as text. */
    record Response(String version, int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(URI base) {
        this.base = base;
    }

    /**
     * Sends one request; reconnects first when the server closed the connection after the previous answer. The body
     * goes with a Content-Length, unless the headers name a Transfer-Encoding: then it is sent as given.
     */
    Response send(String method, String target, Map<String, String> headers, byte[] body) {
        boolean fresh = socket == null;
        try {
            if (fresh) {
                connect();
            }
            try {
                write(method, target, headers, body);
            } catch (IOException writeFailed) {
                // The server may answer (413, 431) and close before the whole request is written: read that answer.
                // Nothing to read on a reused connection means the server had closed it while idle: send again.
                try {
                    Response early = read(method.equals("HEAD"));
                    close();
                    return early;
                } catch (IOException nothing) {
                    close();
                    if (!fresh) {
                        return send(method, target, headers, body);
                    }
                    throw writeFailed;
                }
            }
            Response response = read(method.equals("HEAD"));
            if ("close".equalsIgnoreCase(response.header("connection")) || response.version().equals("HTTP/1.0")) {
                close();
            }
            return response;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("no answer to " + method + " " + abbreviate(target), e);
        }
    }

    private void write(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null && !headers.containsKey("Transfer-Encoding")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    private Response read(boolean head) throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if (head) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            line();
            body = all.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(parts[0], Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
