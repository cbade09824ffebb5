package dev.dtscontract.verifier;

import dev.dtscontract.signing.SignedRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A provider of the operation at a base URL (the emulator, a double, a gateway, the real service), over plain HTTP. */
public final class Provider {

    /** The provider could not be asked: refused, reset, timed out, unknown host. The message is one line. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    public Provider(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI base() {
        return base;
    }

    /** The Host header this client sends to the provider, which signature V3 signs. */
    public String host() {
        int port = base.getPort();
        return port == -1 ? base.getHost() : base.getHost() + ":" + port;
    }

    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a request carries beyond its signed parameters, for requests that break the wire rules on purpose: another
     * path, raw pairs appended to the query after signing, a body of its own (with its content type), more headers.
     */
    public record Extras(String path, String rawQuery, String contentType, String body, Map<String, String> headers) {

        public static final Extras NONE = new Extras(null, "", null, null, Map.of());
    }

    /** Sends the request to the base URL's path and records the exchange under this name. */
    public Exchange send(String name, SignedRequest request) {
        return send(name, request, Extras.NONE);
    }

    /** Sends the request with these extras and records the exchange under this name. */
    public Exchange send(String name, SignedRequest request, Extras extras) {
        String path = extras.path() != null ? extras.path()
                : base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        String query = request.query().isEmpty() ? extras.rawQuery()
                : extras.rawQuery().isEmpty() ? request.queryString() : request.queryString() + "&" + extras.rawQuery();
        URI uri = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
        Map<String, String> headers = new TreeMap<>(request.headers());
        headers.putAll(extras.headers());
        if (extras.contentType() != null) {
            headers.put("content-type", extras.contentType());
        }
        String body = extras.body() != null ? extras.body() : request.formBody();
        Map<String, String> sentHeaders = new TreeMap<>();
        headers.forEach((header, value) -> {
            if (!header.equals("host")) { // the HTTP client sends Host itself, from the URL
                b.header(header, value);
                sentHeaders.put(header, value);
            }
        });
        if (request.method().equals("GET")) {
            b.GET();
        } else {
            b.method(request.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Unreachable("cannot reach " + base + ": " + (unresolved(e) ? "unknown host " + base.getHost() : "connection refused"));
        } catch (HttpTimeoutException e) {
            throw new Unreachable("cannot reach " + base + ": no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new Unreachable("cannot reach " + base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while asking " + base);
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.query().forEach((parameter, value) -> parameters.put(parameter, List.of(value)));
        return new Exchange(name, request.method(), extras.path() != null ? extras.path() : "/", parameters, headers.get("content-type"),
                body, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), sentHeaders);
    }
}
