package dev.dtscontract.server.rpc;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.DecoderResult;

import java.util.Optional;

/**
 * The request line exactly as the client sent it. Micronaut's view of a request is normalised (a method "get"
 * reads as GET; a query with a bad escape reads as no query at all), which is how an unsigned HEAD or lower-case
 * method once reached the GET operation; the edge decides on what was sent.
 */
record RequestLine(String method, String rawPath, String rawQuery) {

    static RequestLine of(HttpRequest<?> request) {
        io.netty.handler.codec.http.HttpRequest raw = nativeRequest(request);
        return parse(raw.method().name(), raw.uri());
    }

    /** The line of a request with this method and request target (as sent: a fragment is dropped, nothing decoded). */
    static RequestLine parse(String method, String requestTarget) {
        String target = requestTarget;
        int fragment = target.indexOf('#');
        if (fragment >= 0) {
            target = target.substring(0, fragment);
        }
        int question = target.indexOf('?');
        return new RequestLine(method,
                question < 0 ? target : target.substring(0, question),
                question < 0 ? null : target.substring(question + 1));
    }

    /** Why Netty could not decode the request (a line or headers over the limit, a malformed line), if it could not. */
    static Optional<Throwable> decoderFailure(HttpRequest<?> request) {
        try {
            DecoderResult result = nativeRequest(request).decoderResult();
            return result.isFailure() ? Optional.of(result.cause()) : Optional.empty();
        } catch (IllegalStateException notNetty) {
            return Optional.empty();
        }
    }

    /** Closes the request's connection at once, whatever is pending on it (Netty requests only). */
    static Runnable connectionCloser(HttpRequest<?> request) {
        HttpRequest<?> current = request;
        while (current instanceof HttpRequestWrapper<?> wrapper) {
            current = wrapper.getDelegate();
        }
        if (current instanceof NettyHttpRequest<?> netty) {
            io.netty.channel.Channel channel = netty.getChannelHandlerContext().channel();
            return channel::close;
        }
        return () -> { };
    }

    private static io.netty.handler.codec.http.HttpRequest nativeRequest(HttpRequest<?> request) {
        HttpRequest<?> current = request;
        while (true) {
            if (current instanceof NettyHttpRequest<?> netty) {
                return netty.getNativeRequest();
            }
            if (current instanceof HttpRequestWrapper<?> wrapper) {
                current = wrapper.getDelegate();
                continue;
            }
            // Without the line as sent the edge cannot vouch for the method or the query: refuse, never guess.
            throw new IllegalStateException("not a Netty request: " + request.getClass().getName());
        }
    }
}
