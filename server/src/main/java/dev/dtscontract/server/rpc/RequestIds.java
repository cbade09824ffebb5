package dev.dtscontract.server.rpc;

import io.micronaut.http.HttpRequest;

import java.util.Locale;
import java.util.UUID;

/** The RequestId of a request: an upper-case UUID, made once per request and kept as a request attribute. */
public final class RequestIds {

    private static final String ATTRIBUTE = "dts.requestId";

    private RequestIds() {
    }

    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }
}
