package dev.dtscontract.server.rpc;

import dev.dtscontract.server.control.ControlGuard;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.server.model.ErrorResponse;
import dev.dtscontract.spec.SpecContract;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the edge answers, without a server: the spec's error body with the status its catalogue gives the code, in the
 * format the request asked for; what the framework refuses on its own; the exchange the journal reads; the request id.
 */
class EdgeAnswersTest {

    private static final SpecContract SPEC = SpecContract.load();
    private final ErrorBodies errors = new ErrorBodies(SPEC);
    private final RpcErrorResponseProcessor processor = new RpcErrorResponseProcessor(errors,
            List.of(new ControlGuard("127.0.0.1", null, null)));

    private static ErrorResponse body(HttpResponse<?> response) {
        return (ErrorResponse) response.getBody().orElseThrow();
    }

    private static void assertError(HttpResponse<?> response, ErrorCode code, String message) {
        ErrorResponse body = body(response);
        int status = SPEC.statusOf(code.wire()).orElseThrow();
        assertAll(
                () -> assertEquals(status, response.getStatus().getCode()),
                () -> assertEquals(code.wire(), body.getCode()),
                () -> assertEquals(code.wire(), body.getErrCode()),
                () -> assertEquals(message, body.getMessage()),
                () -> assertEquals(message, body.getErrMessage()),
                () -> assertEquals(Integer.toString(status), body.getHttpStatusCode()),
                () -> assertEquals(Boolean.FALSE, body.getSuccess()),
                () -> assertEquals("dts.aliyuncs.com", body.getHostId()),
                () -> assertTrue(body.getRequestId().matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}"), body.getRequestId()));
    }

    @Test
    void everyCode_isAnsweredWithTheStatusOfTheSpecsCatalogue_inTheFormatAsked() {
        for (ErrorCode code : ErrorCode.values()) {
            MutableHttpRequest<?> request = HttpRequest.GET("/");
            ResponseFormat.XML.decideFor(request);
            MutableHttpResponse<ErrorResponse> response = errors.respond(request, new RuleViolation("R-TEST", code, "m"));
            assertError(response, code, "m");
            assertEquals(MediaType.APPLICATION_XML_TYPE, response.getContentType().orElseThrow(), code.wire());
            assertEquals(RequestIds.of(request), body(response).getRequestId(), "the request's own id");
        }
        assertEquals(MediaType.APPLICATION_JSON_TYPE, errors.respond(HttpRequest.GET("/"), new RuleViolation("R-TEST", ErrorCode.INVALID_PARAMETER, "m"))
                .getContentType().orElseThrow(), "JSON when nothing was decided");
    }

    @Test
    void aViolationWithoutAMessage_isAnsweredWithTheSpecsMessage_forItsCodeAndRule() {
        assertEquals("The specified DTS job does not exist.", errors.message(new RuleViolation("R-READ-VISIBLE", ErrorCode.JOB_NOT_FOUND)));
        assertEquals("Request was denied due to user flow control.",
                errors.message(new RuleViolation("R-THROTTLING", ErrorCode.THROTTLING_USER)));
        assertEquals("Specified api is not found, please check your url and method.",
                errors.message(new RuleViolation("R-HTTP", ErrorCode.INVALID_ACTION)));
        // A code's rule without an example of its own: the code's first example.
        assertEquals("The request has failed due to a temporary failure of the server.",
                errors.message(new RuleViolation("C-DURABLE", ErrorCode.SERVICE_UNAVAILABLE)));
        // Its own message wins.
        assertEquals("mine", errors.message(new RuleViolation("R-JOB-EXISTS", ErrorCode.JOB_NOT_FOUND, "mine")));
        // Every code has a message to fall back on, from the spec.
        for (ErrorCode code : ErrorCode.values()) {
            String message = errors.message(new RuleViolation("R-NONE", code));
            assertTrue(SpecContract.load().errorExamples().stream().anyMatch(e -> e.code().equals(code.wire()) && e.message().equals(message)),
                    code + ": " + message);
        }
    }

    @Test
    void aMessageChangedInTheSpec_isTheMessageAnswered() {
        String changed = SpecContract.text().replace("Message: Specified access key is not found.", "Message: No such key here.")
                .replace("ErrMessage: Specified access key is not found.", "ErrMessage: No such key here.");
        ErrorBodies fromCopy = new ErrorBodies(SpecContract.parse(changed));
        assertEquals("No such key here.", fromCopy.message(new RuleViolation("R-SIGNATURE", ErrorCode.ACCESS_KEY_NOT_FOUND)));
    }

    @Test
    void aCatalogueWithoutACodeTheEmulatorRaises_stopsTheStart() {
        String without = SpecContract.text().replace("Code: Throttling.User", "Code: Throttling.Someone");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ErrorBodies(SpecContract.parse(without)));
        assertTrue(e.getMessage().contains("Throttling.User"), e.getMessage());
    }

    @Test
    void aRuleViolation_isAnsweredAndPublished_andTheExchangeSaysHowItEnded() {
        List<HttpResponse<?>> published = new ArrayList<>();
        RuleViolationHandler handler = new RuleViolationHandler(errors, List.of((request, response) -> published.add(response)));
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        Exchange exchange = Exchange.start(request, "GET", "/");
        HttpResponse<ErrorResponse> response = handler.handle(request, RuleViolation.missing("R-REQUIRED", "Endpoint"));
        assertError(response, ErrorCode.MISSING_PARAMETER,
                "The input parameter \"Endpoint\" that is mandatory for processing this request is not supplied.");
        assertEquals(List.of(response), published);
        assertEquals(Exchange.Ending.REFUSED, exchange.ending());
        assertEquals(ErrorCode.MISSING_PARAMETER, exchange.code().orElseThrow());
        assertEquals("R-REQUIRED", exchange.rule().orElseThrow());

        handler.handle(request, new RuleViolation(RuleViolation.FAULT, ErrorCode.SERVICE_UNAVAILABLE, "injected"));
        assertEquals(Exchange.Ending.FAULT, exchange.ending());
    }

    @Test
    void anExchange_endsRefusedUnlessTold_andIsRecordedOnce() {
        List<String> closed = new ArrayList<>();
        Exchange exchange = new Exchange("POST", "/", () -> closed.add("closed"));
        assertEquals("POST", exchange.method());
        assertEquals("/", exchange.path());
        assertEquals(Exchange.Ending.REFUSED, exchange.ending());
        assertTrue(exchange.dtsJobId().isEmpty());
        exchange.answered("job-1", true, false);
        assertEquals(Exchange.Ending.APPLIED, exchange.ending());
        assertEquals("job-1", exchange.dtsJobId().orElseThrow());
        exchange.answered("job-1", false, false);
        assertEquals(Exchange.Ending.DRY_RUN, exchange.ending());
        exchange.answered("job-1", true, true);
        assertEquals(Exchange.Ending.FAULT, exchange.ending());
        exchange.answered(null, true, false);
        exchange.faulted();
        assertEquals(Exchange.Ending.FAULT, exchange.ending());
        assertTrue(exchange.firstRecording());
        assertFalse(exchange.firstRecording());
        assertFalse(exchange.dropped());
        exchange.closeIfDropped();
        assertEquals(List.of(), closed, "no fault asked for it");
        exchange.dropConnection();
        assertTrue(exchange.dropped());
        assertEquals(List.of(), closed, "closed by the edge, after its listeners");
        exchange.closeIfDropped();
        assertEquals(List.of("closed"), closed);
    }

    @Test
    void anExchange_isTheRequestsOwn() {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        assertTrue(Exchange.of(request).isEmpty());
        Exchange exchange = Exchange.start(request, "GET", "/");
        assertSame(exchange, Exchange.of(request).orElseThrow());
        assertTrue(Exchange.of(HttpRequest.GET("/")).isEmpty());
    }

    @Test
    void aRequestId_isAnUpperCaseUuid4_madeOncePerRequest() {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        String id = RequestIds.of(request);
        assertTrue(id.matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}"), id);
        assertEquals(id, RequestIds.of(request));
        assertNotEquals(id, RequestIds.of(HttpRequest.GET("/")));
        assertEquals(id.toUpperCase(Locale.ROOT), id);
    }

    @Test
    void theAdmittedCall_isTheRequestsOwn_andNotesTheAnswerInItsExchange() {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        assertTrue(RpcCall.of(request).isEmpty());
        Exchange exchange = new Exchange("GET", "/", () -> { });
        RpcCall call = new RpcCall("ModifyDtsJobEndpoint", new java.util.TreeMap<>(Map.of("A", "x")), new java.util.TreeMap<>(Map.of("A", "y")), ResponseFormat.XML,
                dev.dtscontract.server.auth.Authenticator.authenticationOff().authenticate("GET", Map.of()), "REQ", exchange);
        call.attachTo(request);
        assertSame(call, RpcCall.of(request).orElseThrow());
        call.answered("job-9", false);
        assertEquals(Exchange.Ending.DRY_RUN, exchange.ending());
        assertEquals("job-9", exchange.dtsJobId().orElseThrow());
        call.read("job-8");
        assertEquals(Exchange.Ending.READ, exchange.ending());
        assertEquals("job-8", exchange.dtsJobId().orElseThrow());
        assertEquals(ResponseFormat.XML, call.format());
        assertThrows(UnsupportedOperationException.class, () -> call.sent().put("B", "z"));
        assertThrows(UnsupportedOperationException.class, () -> call.canonical().put("B", "z"));
        assertThrows(NullPointerException.class, () -> new RpcCall("ModifyDtsJobEndpoint", Map.of(), Map.of(), ResponseFormat.JSON,
                dev.dtscontract.server.auth.Authenticator.authenticationOff().authenticate("GET", Map.of()), null, exchange));
    }

    @Test
    void aFormat_isDecidedOnce_fromTheFirstFormatSent() {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        assertEquals(ResponseFormat.JSON, ResponseFormat.of(request));
        ResponseFormat.XML.decideFor(request);
        assertEquals(ResponseFormat.XML, ResponseFormat.of(request));
        assertEquals(MediaType.APPLICATION_XML_TYPE, ResponseFormat.XML.mediaType());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, ResponseFormat.JSON.mediaType());
        var none = dev.dtscontract.signing.UrlEncoded.decode(null);
        assertEquals(ResponseFormat.XML, ResponseFormat.asked(dev.dtscontract.signing.UrlEncoded.decode("Format=xml"), none));
        assertEquals(ResponseFormat.JSON, ResponseFormat.asked(dev.dtscontract.signing.UrlEncoded.decode("Format=JSON"),
                dev.dtscontract.signing.UrlEncoded.decode("Format=XML")), "the query first");
        assertEquals(ResponseFormat.XML, ResponseFormat.asked(none, dev.dtscontract.signing.UrlEncoded.decode("Format=Xml")));
        assertEquals(ResponseFormat.JSON, ResponseFormat.asked(none, none));
    }

    // What the framework refuses before the edge sees a request.

    private MutableHttpResponse<Object> frameworkRefused(HttpRequest<?> request, Throwable cause, HttpStatus status) {
        MutableHttpResponse<?> base = HttpResponse.status(status).header("X-Kept", "yes").header("Content-Length", "9");
        return processor.processResponse(ErrorContext.builder(request).cause(cause).build(), base);
    }

    @Test
    void aRequestLineTooLong_isUriTooLong() {
        assertError(frameworkRefused(HttpRequest.GET("/"), new TooLongHttpLineException("long"), HttpStatus.BAD_REQUEST),
                ErrorCode.URI_TOO_LONG, "The request line (method, path and query) is too long.");
    }

    @Test
    void headersTooLarge_areHeadersTooLarge() {
        assertError(frameworkRefused(HttpRequest.GET("/"), new TooLongHttpHeaderException("big"), HttpStatus.BAD_REQUEST),
                ErrorCode.HEADERS_TOO_LARGE, "The request headers are too large.");
    }

    @Test
    void aBodyTooLarge_isRequestTooLarge_byItsFrameOrByItsStatus() {
        assertError(frameworkRefused(HttpRequest.POST("/", ""), new TooLongFrameException("big"), HttpStatus.BAD_REQUEST),
                ErrorCode.REQUEST_TOO_LARGE, "The request body is too large.");
        assertError(frameworkRefused(HttpRequest.POST("/", ""), new IllegalStateException("x"), HttpStatus.REQUEST_ENTITY_TOO_LARGE),
                ErrorCode.REQUEST_TOO_LARGE, "The request body is too large.");
    }

    @Test
    void anythingElseTheFrameworkRefuses_isInvalidParameter_andAFailureIsInternalError_headersKept() {
        MutableHttpResponse<Object> refused = frameworkRefused(HttpRequest.GET("/"), new IllegalArgumentException("x"), HttpStatus.BAD_REQUEST);
        assertError(refused, ErrorCode.INVALID_PARAMETER, "The request is not valid HTTP/1.1.");
        assertEquals("yes", refused.getHeaders().get("X-Kept"));
        assertNotEquals("9", refused.getHeaders().get("Content-Length"));
        assertError(frameworkRefused(HttpRequest.GET("/"), new IllegalStateException("boom"), HttpStatus.INTERNAL_SERVER_ERROR),
                ErrorCode.INTERNAL_ERROR, "The request processing has failed due to some unknown error.");
    }

    @Test
    void aTargetThatIsNoUri_namesTheParameterWithTheBadEscape_inTheFormatAsked() {
        HttpRequest<?> request = HttpRequest.GET("/");
        MutableHttpResponse<Object> answer = frameworkRefused(request,
                new URISyntaxException("/?Format=XML&Password=a%zz&Endpoint=src", "Malformed escape pair", 22), HttpStatus.BAD_REQUEST);
        assertError(answer, ErrorCode.INVALID_PARAMETER,
                "The specified parameter \"Password\" is not valid: it is not correctly percent-encoded (RFC 3986, UTF-8).");
        assertEquals(ResponseFormat.XML, ResponseFormat.of(request));
    }

    @Test
    void aTargetWithACharacterToEncode_namesItsParameter() {
        String target = "/?Endpoint=src&Username=a b&DryRun=true";
        assertError(frameworkRefused(HttpRequest.GET("/"), new URISyntaxException(target, "Illegal character in query", target.indexOf(' ')),
                HttpStatus.BAD_REQUEST), ErrorCode.INVALID_PARAMETER,
                "The specified parameter \"Username\" is not valid: it is not correctly percent-encoded (RFC 3986, UTF-8).");
        String inAName = "/?Endpoint=src&User name=a";
        assertError(frameworkRefused(HttpRequest.GET("/"), new URISyntaxException(inAName, "Illegal character in query", inAName.indexOf(' ')),
                HttpStatus.BAD_REQUEST), ErrorCode.INVALID_PARAMETER,
                "The specified parameter \"User\" is not valid: it is not correctly percent-encoded (RFC 3986, UTF-8).");
    }

    @Test
    void theCulprit_isTheParameterAroundTheBadCharacter_atEveryEdgeOfIt() {
        String bad = "The specified parameter \"%s\" is not valid: it is not correctly percent-encoded (RFC 3986, UTF-8).";
        String first = "/?a b=1";        // in the first name, right after '?'
        assertError(frameworkRefused(HttpRequest.GET("/"), new URISyntaxException(first, "x", 3), HttpStatus.BAD_REQUEST),
                ErrorCode.INVALID_PARAMETER, bad.formatted("a"));
        String value = "/?ab=1 2";       // in a value: the name before '='
        assertError(frameworkRefused(HttpRequest.GET("/"), new URISyntaxException(value, "x", 6), HttpStatus.BAD_REQUEST),
                ErrorCode.INVALID_PARAMETER, bad.formatted("ab"));
        String atEquals = "/?ab=1&c d=2"; // in the second name
        assertError(frameworkRefused(HttpRequest.GET("/"), new URISyntaxException(atEquals, "x", 8), HttpStatus.BAD_REQUEST),
                ErrorCode.INVALID_PARAMETER, bad.formatted("c"));
        String noEquals = "/?ab";         // a name without a value, the bad character at its end
        assertError(frameworkRefused(HttpRequest.GET("/"), new URISyntaxException(noEquals + "\u0001", "x", 4), HttpStatus.BAD_REQUEST),
                ErrorCode.INVALID_PARAMETER, bad.formatted("ab"));
        String atQuestion = "/ ?a=1";     // before the query: the path
        assertError(frameworkRefused(HttpRequest.GET("/"), new URISyntaxException(atQuestion, "x", 2), HttpStatus.BAD_REQUEST),
                ErrorCode.INVALID_PARAMETER, "The request path is not a valid URI path; it must be /.");
    }

    @Test
    void aStatusWithoutACause_isJudgedByTheStatus() {
        MutableHttpResponse<?> base = HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        assertError(processor.processResponse(ErrorContext.builder(HttpRequest.POST("/", "")).build(), base), ErrorCode.REQUEST_TOO_LARGE,
                "The request body is too large.");
    }

    @Test
    void aPathThatIsNoUri_isInvalidParameterOfThePath() {
        assertError(frameworkRefused(HttpRequest.GET("/"), new URISyntaxException("/a b", "Illegal character in path", 2), HttpStatus.BAD_REQUEST),
                ErrorCode.INVALID_PARAMETER, "The request path is not a valid URI path; it must be /.");
    }

    @Test
    void aControlTarget_getsTheControlApisOwnError() {
        MutableHttpResponse<Object> answer = frameworkRefused(HttpRequest.GET("/_emulator/nothing"), new IllegalArgumentException("x"),
                HttpStatus.NOT_FOUND);
        assertEquals(404, answer.getStatus().getCode());
        assertFalse(answer.getBody().orElseThrow() instanceof ErrorResponse, "not the RPC surface's error");
        assertEquals(MediaType.APPLICATION_JSON_TYPE, answer.getContentType().orElseThrow());
        MutableHttpResponse<Object> notAUri = frameworkRefused(HttpRequest.GET("/"), new URISyntaxException("/_emulator/jobs?x=%zz", "bad", 20),
                HttpStatus.BAD_REQUEST);
        assertEquals(400, notAUri.getStatus().getCode());
        assertFalse(notAUri.getBody().orElseThrow() instanceof ErrorResponse);
    }

    @Test
    void aRequestTheEdgeSaw_getsTheRpcError_evenOnAControlLookingPath() {
        MutableHttpRequest<?> request = HttpRequest.GET("/_emulator/x");
        Exchange.start(request, "GET", "/_emulator/x");
        assertError(frameworkRefused(request, new IllegalArgumentException("x"), HttpStatus.BAD_REQUEST), ErrorCode.INVALID_PARAMETER,
                "The request is not valid HTTP/1.1.");
    }

    @Test
    void theRequestLine_isSplitAsSent_aFragmentDropped_nothingDecoded() {
        assertEquals(new RequestLine("GET", "/", "a=%41&b"), RequestLine.parse("GET", "/?a=%41&b"));
        assertEquals(new RequestLine("get", "/x", null), RequestLine.parse("get", "/x"));
        assertEquals(new RequestLine("GET", "/", ""), RequestLine.parse("GET", "/?"));
        assertEquals(new RequestLine("GET", "/", "a=1"), RequestLine.parse("GET", "/?a=1#frag?b=2"));
        assertEquals(new RequestLine("GET", "/", null), RequestLine.parse("GET", "/#?a=1"));
        assertEquals(new RequestLine("GET", "", "q"), RequestLine.parse("GET", "?q"));
        assertEquals(new RequestLine("GET", "/a", "b?c"), RequestLine.parse("GET", "/a?b?c"));
        assertEquals(new RequestLine("GET", "", null), RequestLine.parse("GET", "#/?a=1"));
    }

    @Test
    void theAdmittedCall_isBoundOnlyWhenTheEdgeAdmittedOne() {
        AdmittedCallBinder binder = new AdmittedCallBinder();
        assertEquals(RpcCall.class, binder.argumentType().getType());
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        io.micronaut.core.convert.ArgumentConversionContext<RpcCall> context =
                io.micronaut.core.convert.ConversionContext.of(binder.argumentType());
        assertFalse(binder.bind(context, request).isPresentAndSatisfied(), "no call: not bound, never a default");
        RpcCall call = new RpcCall("ModifyDtsJobEndpoint", Map.of(), Map.of(), ResponseFormat.JSON,
                dev.dtscontract.server.auth.Authenticator.authenticationOff().authenticate("GET", Map.of()), "REQ", new Exchange("GET", "/", () -> { }));
        call.attachTo(request);
        assertSame(call, binder.bind(context, request).getValue().orElseThrow());
    }

    @Test
    void theRequestLine_isReadOnlyFromWhatWasSent_neverGuessed() {
        assertThrows(IllegalStateException.class, () -> RequestLine.of(HttpRequest.GET("/")));
        assertTrue(RequestLine.decoderFailure(HttpRequest.GET("/")).isEmpty());
        RequestLine.connectionCloser(HttpRequest.GET("/")).run(); // nothing to close without a connection
        assertNull(new RequestLine("GET", "/", null).rawQuery());
    }
}
