package dev.dtscontract.server.rpc;

import dev.dtscontract.server.auth.AccessKey;
import dev.dtscontract.server.auth.Accounts;
import dev.dtscontract.server.auth.Authenticator;
import dev.dtscontract.server.auth.NonceMemory;
import dev.dtscontract.server.auth.RequestAuthenticator;
import dev.dtscontract.server.auth.Throttle;
import dev.dtscontract.server.domain.Actor;
import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.domain.RuleViolation;
import dev.dtscontract.server.seed.Seed;
import dev.dtscontract.server.seed.SeedLoader;
import dev.dtscontract.signing.SignedRequest;
import dev.dtscontract.signing.UrlEncoded;
import dev.dtscontract.spec.SpecContract;
import dev.dtscontract.spec.SpecExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge's decisions without a server: the request line, headers and body as sent, the spec's parameters and the
 * default seed's accounts; each refusal with its rule and code, each admission with the values the operation will read.
 */
class AdmissionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Accounts ACCOUNTS = SeedLoader.loadDefault().accounts();
    private static final AccessKey DEMO = ACCOUNTS.key(Seed.DEMO_ACCESS_KEY_ID).orElseThrow();
    private static final Map<String, String> SAMPLE = SpecExamples.load().request("ModifyDtsJobEndpointDocumentedSample").parameters();

    private final Authenticator authenticator = new RequestAuthenticator(ACCOUNTS, new NonceMemory(RequestAuthenticator.WINDOW, 10_000,
            System::nanoTime), new Throttle(1000, 1000, System::nanoTime), Clock.fixed(NOW, ZoneOffset.UTC),
            java.util.Set.of("Password", "ShardPassword", "SecurityToken"));
    private final Admission admission = new Admission(new RpcOperations(SpecContract.load()), authenticator);
    private final List<ResponseFormat> decided = new ArrayList<>();
    private final Exchange exchange = new Exchange("GET", "/", () -> { });

    private RpcCall admit(String method, String path, String query, Map<String, String> headers, byte[] body) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        Function<String, String> header = byName::get;
        return admission.admit(new RequestLine(method, path, query), header, body, "REQUEST-1", exchange, decided::add);
    }

    private static SignedRequest.Builder signed(Map<String, String> parameters) {
        return SignedRequest.builder().query(parameters).credentials(DEMO.credentials()).at(NOW);
    }

    private RuleViolation refused(String method, String path, String query, Map<String, String> headers, byte[] body) {
        return assertThrows(RuleViolation.class, () -> admit(method, path, query, headers, body));
    }

    @Test
    void theDocumentedSample_signedGet_isAdmittedWithEveryValueByName() {
        String query = signed(SAMPLE).rpc().queryString();
        RpcCall call = admit("GET", "/", query, Map.of(), null);
        assertAll(
                () -> assertEquals(new Actor.Account("1507800203001111", Seed.DEMO_ACCESS_KEY_ID), call.caller().actor()),
                () -> assertEquals("REQUEST-1", call.requestId()),
                () -> assertEquals(ResponseFormat.JSON, call.format()),
                () -> assertEquals(List.of(ResponseFormat.JSON), decided),
                () -> SAMPLE.forEach((name, value) -> assertEquals(value, call.sent().get(name), name)),
                () -> assertEquals("dtsaw012y2g15q****", call.value("DtsInstanceId")),
                () -> assertEquals(call.value("DtsInstanceId"), call.canonical().get("DtsInstanceId")),
                () -> assertNull(call.value("DtsJobId")),
                () -> assertEquals(SAMPLE.get("DryRun").toLowerCase(Locale.ROOT), call.value("DryRun")),
                () -> assertNull(call.value("ModifyAccount")),
                () -> assertEquals(query, exchange.rawQuery()),
                () -> assertNull(exchange.rawForm()),
                () -> assertEquals(Exchange.Signature.RPC, exchange.signature()),
                () -> assertSame(call, exchange.call().orElseThrow()),
                () -> assertEquals(call.sent(), exchange.sent()),
                () -> assertNull(exchange.v3Action()));
    }

    @Test
    void canonicalValues_areTheSpecsSpelling_andSentValuesAsSent() {
        Map<String, String> parameters = new TreeMap<>(SAMPLE);
        parameters.put("Endpoint", "SRC");
        parameters.put("DryRun", "TRUE");
        RpcCall call = admit("GET", "/", signed(parameters).rpc().queryString(), Map.of(), null);
        assertEquals("src", call.value("Endpoint"));
        assertEquals("SRC", call.sent().get("Endpoint"));
        assertEquals("true", call.value("DryRun"));
    }

    @Test
    void aSignedForm_isReadFromTheBody_andNoted() {
        SignedRequest request = SignedRequest.builder().method("POST").form(SAMPLE).credentials(DEMO.credentials()).at(NOW).rpc();
        RpcCall call = admit("POST", "/", null, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"),
                request.formBody().getBytes(StandardCharsets.UTF_8));
        assertEquals("1507800203001111", call.caller().accountId().orElseThrow());
        assertEquals(request.formBody(), exchange.rawForm());
        assertNull(exchange.rawQuery());
        assertEquals(SAMPLE.get("EndpointInstanceId"), call.value("EndpointInstanceId"));
    }

    @Test
    void signatureV3_isToldApartByItsAuthorization_andTakesTheOperationFromItsHeaders() {
        SignedRequest request = signed(SAMPLE).host("127.0.0.1:8080").v3();
        RpcCall call = admit("GET", "/", request.queryString(), request.headers(), null);
        assertEquals("1507800203001111", call.caller().accountId().orElseThrow());
        assertEquals("ModifyDtsJobEndpoint", call.value("Action"));
        assertEquals(Exchange.Signature.V3, exchange.signature());
        assertEquals("ModifyDtsJobEndpoint", exchange.v3Action());
        assertEquals("2020-01-01", exchange.v3Version());
    }

    @Test
    void formatXml_isDecidedBeforeAnyRefusal() {
        RuleViolation v = refused("PUT", "/", "Format=xml", Map.of(), null);
        assertEquals(ErrorCode.UNSUPPORTED_HTTP_METHOD, v.code());
        assertEquals(List.of(ResponseFormat.XML), decided);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PUT, /", "HEAD, /", "get, /", "DELETE, /x"})
    void aMethodButGetOrPost_isUnsupportedHttpMethod(String method, String path) {
        RuleViolation v = refused(method, path, null, Map.of(), null);
        assertEquals("R-HTTP", v.ruleId());
        assertEquals(ErrorCode.UNSUPPORTED_HTTP_METHOD, v.code());
        assertEquals("The HTTP method " + method + " is not supported; use GET or POST.", v.getMessage());
        assertEquals(Exchange.Signature.NONE, exchange.signature());
        assertTrue(exchange.call().isEmpty());
    }

    @ParameterizedTest(name = "path [{0}]")
    @CsvSource({"/x", "//", "/%2F", "''"})
    void aPathButSlash_isInvalidAction(String path) {
        RuleViolation v = refused("GET", path, null, Map.of(), null);
        assertEquals(ErrorCode.INVALID_ACTION, v.code());
        assertEquals("R-HTTP", v.ruleId());
    }

    @Test
    void aBodyOverTheLimit_isRequestTooLarge_evenWithoutAContentLength() {
        byte[] body = new byte[RpcBodyLimit.MAX_BODY + 1];
        java.util.Arrays.fill(body, (byte) 'a');
        assertEquals(ErrorCode.REQUEST_TOO_LARGE, refused("POST", "/", null, Map.of("Content-Type", Admission.FORM), body).code());
        byte[] atTheLimit = new byte[RpcBodyLimit.MAX_BODY];
        java.util.Arrays.fill(atTheLimit, (byte) 'a');
        assertTrue(refused("POST", "/", null, Map.of("Content-Type", Admission.FORM), atTheLimit).code() != ErrorCode.REQUEST_TOO_LARGE);
    }

    @Test
    void aBody_onGetOrNotAForm_isUnsupportedMediaType() {
        byte[] body = "Action=ModifyDtsJobEndpoint".getBytes(StandardCharsets.UTF_8);
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, refused("GET", "/", null, Map.of("Content-Type", Admission.FORM), body).code());
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, refused("POST", "/", null, Map.of("Content-Type", "text/plain"), body).code());
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, refused("POST", "/", null, Map.of(), body).code());
        assertNull(exchange.rawForm(), "a body that is not a form is not read as one");
    }

    @Test
    void anEmptyBody_isNoBody() {
        String query = signed(SAMPLE).method("POST").rpc().queryString();
        RpcCall call = admit("POST", "/", query, Map.of("Content-Type", "text/plain"), new byte[0]);
        assertEquals("1507800203001111", call.caller().accountId().orElseThrow());
    }

    @Test
    void anUnsignedRequest_isRefusedByAuthentication_afterItsValuesAreChecked() {
        RuleViolation unsigned = refused("GET", "/", UrlEncoded.encode(SAMPLE), Map.of(), null);
        assertEquals("R-SIGNATURE", unsigned.ruleId());
        assertEquals(SAMPLE.get("DtsInstanceId"), exchange.sent().get("DtsInstanceId"));
        Map<String, String> badEnum = new TreeMap<>(SAMPLE);
        badEnum.put("Endpoint", "sideways");
        assertEquals(ErrorCode.INVALID_PARAMETER, refused("GET", "/", UrlEncoded.encode(badEnum), Map.of(), null).code());
    }

    @Test
    void aV3RequestWithTheWrongSignature_isRefused() {
        SignedRequest request = signed(SAMPLE).host("127.0.0.1:8080").v3();
        Map<String, String> headers = new TreeMap<>(request.headers());
        headers.put("x-acs-action", "ModifyDtsJobEndpoint ");
        headers.put("authorization", request.headers().get("authorization").replaceAll("Signature=[0-9a-f]+", "Signature=" + "0".repeat(64)));
        assertEquals("R-SIGNATURE", refused("GET", "/", request.queryString(), headers, null).ruleId());
        assertEquals(Exchange.Signature.V3, exchange.signature());
        assertEquals("ModifyDtsJobEndpoint ", exchange.v3Action());
    }

    @Test
    void aV3RequestWithoutItsVersionHeader_isRefused_notAdmittedWithoutAVersion() {
        SignedRequest request = signed(SAMPLE).host("127.0.0.1:8080").v3();
        Map<String, String> headers = new TreeMap<>(request.headers());
        headers.remove("x-acs-version");
        RuleViolation v = refused("GET", "/", request.queryString(), headers, null);
        assertTrue(v.ruleId().startsWith("R-"), v.ruleId());
        assertNull(exchange.v3Version());
        assertNull(exchange.sent().get("Version"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "application/x-www-form-urlencoded | true",
            "application/x-www-form-urlencoded; charset=UTF-8 | true",
            "APPLICATION/X-WWW-FORM-URLENCODED | true",
            "' application/x-www-form-urlencoded ' | true",
            "application/x-www-form-urlencodedX | false",
            "text/plain | false",
            "multipart/form-data | false"})
    void isForm_isExactlyTheFormMediaType(String contentType, boolean form) {
        assertEquals(form, Admission.isForm(contentType));
    }

    @Test
    void isForm_withoutAContentType_isNot() {
        assertFalse(Admission.isForm(null));
        assertFalse(Admission.isForm("application/x-www-form-urlencoded".toUpperCase(Locale.ROOT).replace('X', '\u212A')));
    }
}
