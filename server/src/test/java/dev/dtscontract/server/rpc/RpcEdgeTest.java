package dev.dtscontract.server.rpc;

import dev.dtscontract.server.auth.Authenticator;
import dev.dtscontract.server.control.ControlGuard;
import dev.dtscontract.spec.SpecContract;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge's HTTP plumbing around Admission: other surfaces, what the router sees, the answer's format, its listeners. */
class RpcEdgeTest {

    private final ControlGuard control = new ControlGuard("127.0.0.1", null, null);
    private final List<String> heard = new ArrayList<>();
    private final RpcEdge edge = new RpcEdge(SpecContract.load(), Authenticator.authenticationOff(), List.of(control),
            List.of((request, response) -> heard.add("first " + response.code()), (request, response) -> heard.add("second")));

    @Test
    void theControlPaths_belongToTheControlSurface_andNothingElse() {
        assertSame(control, RpcEdge.otherSurface(List.of(control), "/_emulator/jobs"));
        assertNull(RpcEdge.otherSurface(List.of(control), "/"));
        assertNull(RpcEdge.otherSurface(List.of(control), "/_emulatorx"));
        assertNull(RpcEdge.otherSurface(List.of(), "/_emulator/jobs"));
    }

    @Test
    void theRouter_seesTheAdmittedOperationsRoute_andTheHeadersAsSent_whenItHasNoAcceptAndIsAForm() {
        // (Removing Accept and making a POST a form takes the server's own request: EmulatorEdgeTest sends them.)
        MutableHttpRequest<?> plain = HttpRequest.GET("/?Action=DescribeDtsJobDetail&DtsJobId=j1");
        HttpRequest<?> routed = RpcEdge.forRouting(plain, false, "DescribeDtsJobDetail");
        assertEquals("/DescribeDtsJobDetail", routed.getPath(), "the route of the operation the edge admitted");
        assertEquals("/ModifyDtsJobEndpoint", RpcEdge.forRouting(HttpRequest.GET("/"), false, "ModifyDtsJobEndpoint").getPath());
        MutableHttpRequest<?> form = HttpRequest.POST("/", "").header("Content-Type", Admission.FORM);
        assertEquals(Admission.FORM, RpcEdge.forRouting(form, true, "ModifyDtsJobEndpoint").getHeaders().get("Content-Type"));
        MutableHttpRequest<?> getWithType = HttpRequest.GET("/").header("Content-Type", "text/plain");
        assertEquals("text/plain", RpcEdge.forRouting(getWithType, false, "ModifyDtsJobEndpoint").getHeaders().get("Content-Type"),
                "a GET keeps what it sent");
    }

    @Test
    void everyAnswer_speaksTheFormatDecided_andIsPublishedToEveryListener() {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        ResponseFormat.XML.decideFor(request);
        MutableHttpResponse<String> response = HttpResponse.ok("body").contentType(MediaType.APPLICATION_JSON_TYPE);
        edge.answered(request, response);
        assertEquals(MediaType.APPLICATION_XML_TYPE, response.getContentType().orElseThrow());
        assertEquals(List.of("first 200", "second"), heard);
    }

    @Test
    void aDroppedConnection_closesAfterEveryListenerHeardOfIt_soTheJournalHasItFirst() {
        List<String> events = new ArrayList<>();
        RpcEdge withJournal = new RpcEdge(SpecContract.load(), Authenticator.authenticationOff(), List.of(control),
                List.of((request, response) -> events.add("journaled " + Exchange.of(request).orElseThrow().dropped())));
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        Exchange exchange = new Exchange("GET", "/", () -> events.add("closed"));
        request.setAttribute(Exchange.ATTRIBUTE, exchange);
        exchange.dropConnection(); // as FaultInjection's response filter does, which runs before the edge's
        assertEquals(List.of(), events);
        withJournal.answered(request, HttpResponse.ok("body"));
        assertEquals(List.of("journaled true", "closed"), events);

        events.clear();
        MutableHttpRequest<?> kept = HttpRequest.GET("/");
        kept.setAttribute(Exchange.ATTRIBUTE, new Exchange("GET", "/", () -> events.add("closed")));
        withJournal.answered(kept, HttpResponse.ok("body"));
        assertEquals(List.of("journaled false"), events, "no fault: the connection stays open");

        events.clear();
        RpcEdge failing = new RpcEdge(SpecContract.load(), Authenticator.authenticationOff(), List.of(control),
                List.of((r, a) -> { throw new IllegalStateException("a listener failed"); }));
        MutableHttpRequest<?> dropped = HttpRequest.GET("/");
        Exchange faulted = new Exchange("GET", "/", () -> events.add("closed"));
        dropped.setAttribute(Exchange.ATTRIBUTE, faulted);
        faulted.dropConnection();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> failing.answered(dropped, HttpResponse.ok("body")));
        assertEquals(List.of("closed"), events, "a failed listener does not turn the drop into an answer");
    }

    @Test
    void anAnswerWithoutABody_orOfTheControlSurface_keepsItsType_butIsStillPublished() {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        ResponseFormat.XML.decideFor(request);
        MutableHttpResponse<?> empty = HttpResponse.ok();
        edge.answered(request, empty);
        assertTrue(empty.getContentType().isEmpty());
        MutableHttpRequest<?> controlRequest = HttpRequest.GET("/_emulator/jobs");
        ResponseFormat.XML.decideFor(controlRequest);
        MutableHttpResponse<String> controlAnswer = HttpResponse.ok("{}").contentType(MediaType.APPLICATION_JSON_TYPE);
        edge.answered(controlRequest, controlAnswer);
        assertEquals(MediaType.APPLICATION_JSON_TYPE, controlAnswer.getContentType().orElseThrow());
        assertEquals(4, heard.size());
    }

    @Test
    void theEdge_runsFirst_rightAfterTheBodyLimit() {
        assertTrue(edge.getOrder() > new RpcBodyLimit(List.of(control)).getOrder());
        assertEquals(io.micronaut.core.order.Ordered.HIGHEST_PRECEDENCE + 1, edge.getOrder());
    }
}
