package dev.dtscontract.server.control;

import dev.dtscontract.server.rpc.OtherSurface;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the control spec that every control and console request passes before it is routed:
 * <ul>
 * <li>C-GUARD: the test-control API exists only on a loopback binding (and then only for loopback peers), or, on any
 * binding, when a token is configured; with a token every control request must carry it. When it does not exist its
 * paths are unknown paths of the RPC surface.</li>
 * <li>C-HOST: the request is addressed to the emulator ({@link ControlHosts}), so a page whose host name was re-pointed
 * at 127.0.0.1 (DNS rebinding) gets nothing.</li>
 * <li>C-ORIGIN: a request that changes something does not come from another origin, and its body is not in a media type
 * a page can send another site without a CORS preflight (text/plain, multipart, a form), but for the console's reset
 * form, which carries the console's own token.</li>
 * <li>C-INPUT: a body is UTF-8.</li>
 * </ul>
 */
@Singleton
public final class ControlGuard implements OtherSurface {

    /** Every control path starts with this; the RPC surface answers only "/". */
    public static final String PREFIX = "/_emulator/";
    /** The console's reset form: the one control request that may be a form. */
    static final String CONSOLE_FORM_PATH = "/_emulator/console/jobs";
    static final String TOKEN_HEADER = "X-Emulator-Token";
    private static final String BODY = "dts.control.body";
    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Set<String> DOCUMENT_TYPES = Set.of("application/json", "application/yaml");
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    private final boolean enabled;
    private final byte[] token;
    private final ControlHosts hosts;

    public ControlGuard(@Value("${micronaut.server.host:127.0.0.1}") String host,
                        @Nullable @Value("${dts.control.token:}") String token,
                        @Nullable @Value("${dts.control.hosts:}") String hosts) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.enabled = this.token != null || isLoopback(host);
        this.hosts = new ControlHosts(hosts);
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

    /** The body of an admitted control request, as UTF-8 text (checked to be UTF-8 when it was admitted). */
    public static String body(HttpRequest<?> request) {
        return new String(request.getAttribute(BODY, byte[].class).orElse(new byte[0]), StandardCharsets.UTF_8);
    }

    /** Whether a request path belongs to the control API, and the API is on. */
    @Override
    public boolean serves(String rawPath) {
        return enabled && rawPath.startsWith(PREFIX);
    }

    /**
     * The request to route, or a {@link ControlViolation}. The body as the edge read it (once) goes with the request,
     * for the documents the control API reads itself ({@link #body}).
     */
    @Override
    public HttpRequest<?> admit(HttpRequest<?> request, byte[] body) {
        byte[] sent = body == null ? new byte[0] : body;
        request.setAttribute(BODY, sent);
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
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (!hosts.admits(host)) {
            throw ControlViolation.forbidden("The Host " + (host == null ? "(none)" : ControlViolation.shown(host))
                    + " is not the emulator's: the control API answers requests for localhost, 127.0.0.1 and [::1]"
                    + (hosts.configured().isEmpty() ? " (and the names in DTS_CONTROL_HOSTS)." : " and " + hosts.configured() + "."));
        }
        if (!READS.contains(request.getMethodName())) {
            sameOrigin(request, host);
            mediaType(request, sent);
        }
        if (sent.length > 0) {
            utf8(sent);
        }
        return request;
    }

    /**
     * The control spec's error for a control request the framework refused (no such route, a body it could not read, a
     * target that is not a URI), whether the API is on or not: its paths never get the RPC surface's errors.
     */
    @Override
    public Optional<MutableHttpResponse<Object>> frameworkRefusal(String target, int status, boolean notAUri) {
        if (!target.startsWith(PREFIX)) {
            return Optional.empty();
        }
        ControlViolation violation = notAUri ? ControlViolation.fromStatus(400, "the request target is not a valid URI "
                + "(a % must start an escape such as %2A)") : ControlViolation.fromStatus(status, null);
        MutableHttpResponse<Object> answer = HttpResponse.status(HttpStatus.valueOf(violation.status())).body((Object) violation.body())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        ControlHeaders.apply(answer);
        return Optional.of(answer);
    }

    /** C-ORIGIN: no Origin but the emulator's own, no cross-site or same-site fetch. */
    private static void sameOrigin(HttpRequest<?> request, String host) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin != null && !origin.trim().toLowerCase(Locale.ROOT).equals(originOf(host))) {
            throw ControlViolation.forbidden("A request from the origin " + ControlViolation.shown(origin)
                    + " may not change the emulator: only its own pages (" + originOf(host) + ") may.");
        }
        String fetch = request.getHeaders().get("Sec-Fetch-Site");
        if (fetch != null && !SAME_SITE_FETCHES.contains(fetch.trim().toLowerCase(Locale.ROOT))) {
            throw ControlViolation.forbidden("A " + ControlViolation.shown(fetch) + " request may not change the emulator: "
                    + "only its own pages may.");
        }
    }

    /** The emulator's own origin for a request to {@code host}: http, the Host as sent (lower case). */
    private static String originOf(String host) {
        return "http://" + host.trim().toLowerCase(Locale.ROOT);
    }

    /** C-ORIGIN: a body, or a declared media type, only as the operations take them; a form only for the console's button. */
    private static void mediaType(HttpRequest<?> request, byte[] body) {
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            if (body.length > 0) {
                throw ControlViolation.unsupportedMediaType("A body needs its Content-Type: application/json, or application/yaml for a seed or a snapshot.");
            }
            return;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        boolean form = type.equals(FORM) && CONSOLE_FORM_PATH.equals(request.getPath());
        if (!DOCUMENT_TYPES.contains(type) && !form) {
            throw ControlViolation.unsupportedMediaType("The control API takes application/json (application/yaml for a seed or a snapshot), "
                    + "not " + ControlViolation.shown(type) + ": text/plain, multipart and form bodies are what any web page can send "
                    + "another site, so they change nothing here.");
        }
    }

    /** C-INPUT: documents are UTF-8; the first byte that is not names the place. */
    private static void utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(body.length), true);
        if (result.isError()) {
            throw ControlViolation.invalidParameter("The body is not UTF-8: the bytes at offset " + in.position()
                    + " are no UTF-8 character.");
        }
    }
}
