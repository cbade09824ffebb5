package dev.dtscontract.emulator.junit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/** Sends the control token (rule C-GUARD) on every request of the generated control client, when one is configured. */
@ClientFilter(serviceId = DtsEmulatorExtension.CONTROL_SERVICE)
@Requires(property = DtsEmulatorExtension.TOKEN_PROPERTY)
final class ControlTokenFilter {

    private final String token;

    ControlTokenFilter(@Value("${" + DtsEmulatorExtension.TOKEN_PROPERTY + "}") String token) {
        this.token = token;
    }

    @RequestFilter
    void addToken(MutableHttpRequest<?> request) {
        request.header("X-Emulator-Token", token);
    }
}
