package dev.dtscontract.server.rpc;

import io.micronaut.http.HttpRequest;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The RequestId of a request: an upper-case UUID, made once per request and kept as a request attribute. */
public final class RequestIds {

    private static final String ATTRIBUTE = "dts.requestId";

    private RequestIds() {
    }

    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            // Unique, not secret: a random (version 4) UUID from the thread's generator, not SecureRandom.
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            String id = new UUID(high, low).toString().toUpperCase(Locale.ROOT);
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }
}
