package dev.dtscontract.server.console;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Rule K-TOKEN: a random token made at start, written only into the console's own pages (the reset form), so that a
 * form posted from any other page is refused. Another origin cannot read a console page (no CORS header; C-HOST stops a
 * rebound name), so it cannot learn the token.
 */
@Singleton
final class ConsoleToken {

    private final String value;

    ConsoleToken() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    String value() {
        return value;
    }

    /** Compared in constant time. */
    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
