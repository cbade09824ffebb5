package dev.dtscontract.server.rpc;

import dev.dtscontract.server.control.ControlGuard;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** R-HTTP's 64 KiB for the operation's bodies, before the body is read; the control API's documents may be larger. */
class RpcBodyLimitTest {

    /** Answers as the edge gives them: a violation without a message of its own is answered with the spec's. */
    private static final dev.dtscontract.server.rpc.ErrorBodies ANSWERS =
            new dev.dtscontract.server.rpc.ErrorBodies(dev.dtscontract.spec.SpecContract.load());

    private final RpcBodyLimit limit = new RpcBodyLimit(java.util.List.of(new ControlGuard("127.0.0.1", null, null)));

    private static MutableHttpRequest<?> post(String uri, long length) {
        return HttpRequest.POST(uri, "").header("Content-Length", String.valueOf(length));
    }

    @Test
    void aDeclaredBodyOver64KiB_isRequestTooLarge_inTheFormatAsked() {
        MutableHttpRequest<?> request = post("/?Format=XML", 65_537);
        RuleViolation refused = assertThrows(RuleViolation.class, () -> limit.limit(request));
        assertEquals(ErrorCode.REQUEST_TOO_LARGE, refused.code());
        assertEquals("R-HTTP", refused.ruleId());
        assertEquals("The request body is too large.", ANSWERS.message(refused));
        assertEquals(ResponseFormat.XML, ResponseFormat.of(request));
    }

    @Test
    void exactly64KiB_andTheControlApisLargerDocuments_pass() {
        assertDoesNotThrow(() -> limit.limit(post("/", 65_536)));
        assertDoesNotThrow(() -> limit.limit(post("/_emulator/seed", 1_048_576)));
        assertDoesNotThrow(() -> limit.limit(HttpRequest.GET("/")));
    }
}
