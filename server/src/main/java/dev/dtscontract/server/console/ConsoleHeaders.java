package dev.dtscontract.server.console;

import dev.dtscontract.server.control.ControlHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rule K-FRAME: the console's pages may run the emulator's own scripts (Swagger UI's files) and exactly its two inline
 * scripts, allowed by their SHA-256; nothing else runs, nothing is fetched from elsewhere, no page is framed, and forms
 * post only to the emulator. The other headers are the control API's ({@link ControlHeaders}).
 */
@ServerFilter("/_emulator/console/**")
public final class ConsoleHeaders {

    static final String POLICY = "default-src 'none'; script-src 'self' " + Stream.of(ReferencePage.INIT, RequestsPage.LIVE)
            .map(ConsoleHeaders::hash).collect(Collectors.joining(" "))
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(ControlHeaders.CSP, POLICY);
        ControlHeaders.apply(response);
    }

    private static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
