package dev.dtscontract.server.control;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Rule C-GUARD of the control spec: the test-control API exists only on a loopback binding (and then only for
 * loopback peers), or, on any binding, when a token is configured; with a token every control request must carry it.
 * When it does not exist its paths are unknown paths of the RPC surface.
 */
@Singleton
public final class ControlGuard {

    /** Every control path starts with this; the RPC surface answers only "/". */
    public static final String PREFIX = "/_emulator/";
    static final String TOKEN_HEADER = "X-Emulator-Token";
    private static final String BODY = "dts.control.body";

    private final boolean enabled;
    private final byte[] token;

    public ControlGuard(@Value("${micronaut.server.host:127.0.0.1}") String host,
                        @Nullable @Value("${dts.control.token:}") String token) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.enabled = this.token != null || isLoopback(host);
        if (!enabled) {
            LoggerFactory.getLogger(ControlGuard.class).info("Test-control API off: the emulator listens on {}, not loopback, "
                    + "and no DTS_CONTROL_TOKEN is set", host);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The body of an admitted control request, as UTF-8 text. */
    static String body(HttpRequest<?> request) {
        return new String(request.getAttribute(BODY, byte[].class).orElse(new byte[0]), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether a request path belongs to the control API, and the API is on. */
    public boolean serves(String rawPath) {
        return enabled && rawPath.startsWith(PREFIX);
    }

    /**
     * The request to route, or a {@link ControlViolation}. The body as the edge read it (once) goes with the request,
     * for the documents the control API reads itself ({@link #body}).
     */
    public HttpRequest<?> admit(HttpRequest<?> request, byte[] body) {
        request.setAttribute(BODY, body == null ? new byte[0] : body);
        if (token != null) {
            String presented = request.getHeaders().get(TOKEN_HEADER);
            if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
                throw ControlViolation.unauthorized();
            }
        } else {
            InetSocketAddress peer = request.getRemoteAddress();
            if (peer == null || peer.getAddress() == null || !peer.getAddress().isLoopbackAddress()) {
                throw ControlViolation.unauthorized();
            }
        }
        return request;
    }
}
