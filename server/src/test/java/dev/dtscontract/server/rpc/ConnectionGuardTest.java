package dev.dtscontract.server.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection's clocks and its share of the body budget, on Netty's embedded channel with its own time. */
class ConnectionGuardTest {

    private static final Duration HEAD = Duration.ofSeconds(10);
    private static final Duration BODY = Duration.ofSeconds(20);
    private static final Duration IDLE = Duration.ofSeconds(60);

    private final ConnectionGuard guard = new ConnectionGuard(HEAD, BODY, IDLE, 100);

    private EmbeddedChannel connection() {
        ConnectionGuard.Connection c = guard.newConnection();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(c.bytes(), new HttpServerCodec(), c.requests());
        channel.pipeline().fireChannelActive();
        return channel;
    }

    private static void send(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private static void pass(EmbeddedChannel channel, Duration time) {
        channel.advanceTimeBy(time.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    private static void answer(EmbeddedChannel channel) {
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        ByteBuf written;
        while ((written = channel.readOutbound()) != null) {
            written.release();
        }
    }

    private static void drainInbound(EmbeddedChannel channel) {
        Object message;
        while ((message = channel.readInbound()) != null) {
            io.netty.util.ReferenceCountUtil.release(message);
        }
    }

    private static final Duration MS = Duration.ofMillis(1);

    @Test
    void aConnectionThatNeverSendsAByte_closesAfterTheIdleTimeout() {
        EmbeddedChannel channel = connection();
        pass(channel, IDLE.minus(MS));
        assertTrue(channel.isOpen());
        pass(channel, MS);
        assertFalse(channel.isOpen());
    }

    @Test
    void aHeadSentSlowly_closesItsConnectionAtTheHeadTimeout_countedFromItsFirstByte() {
        EmbeddedChannel channel = connection();
        pass(channel, Duration.ofSeconds(30)); // idle a while: the head's clock starts at its first byte
        send(channel, "GET / HTTP/1.1\r\nHo");
        pass(channel, HEAD.minus(MS));
        send(channel, "st: a\r\n"); // bytes keep coming: no reset
        assertTrue(channel.isOpen());
        pass(channel, MS);
        assertFalse(channel.isOpen());
    }

    @Test
    void aBodySentSlowly_closesItsConnectionAtTheBodyTimeout_countedFromTheHead() {
        EmbeddedChannel channel = connection();
        send(channel, "PUT /_emulator/seed HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n12345");
        pass(channel, HEAD.plus(MS)); // past the head's limit: the head arrived, so it no longer counts
        assertTrue(channel.isOpen());
        pass(channel, BODY.minus(HEAD).minus(MS.multipliedBy(2)));
        send(channel, "678");
        assertTrue(channel.isOpen());
        pass(channel, MS);
        assertFalse(channel.isOpen());
        assertEquals(0, guard.inFlight(), "a closed connection holds nothing");
    }

    @Test
    void aRequestBeingAnswered_isNotTimed_andTheIdleClockStartsWhenTheAnswerIsWritten() {
        EmbeddedChannel channel = connection();
        send(channel, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        pass(channel, IDLE.multipliedBy(3)); // a long latency fault
        assertTrue(channel.isOpen());
        answer(channel);
        pass(channel, IDLE.minus(MS));
        assertTrue(channel.isOpen());
        pass(channel, MS);
        assertFalse(channel.isOpen());
    }

    @Test
    void bodyBytes_areCountedUntilAnswered_copiedOffTheSocketsBuffer_andRefusedPastTheBudget() {
        EmbeddedChannel first = connection();
        send(first, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 60\r\n\r\n" + "a".repeat(60));
        assertInstanceOf(HttpRequest.class, first.readInbound());
        HttpContent content = first.readInbound();
        assertEquals("a".repeat(60), content.content().toString(StandardCharsets.ISO_8859_1));
        assertFalse(content.content().isDirect());
        assertEquals(60, content.content().capacity(), "a buffer of its own size");
        content.release();
        assertEquals(60, guard.inFlight());

        EmbeddedChannel second = connection();
        send(second, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 60\r\n\r\n" + "b".repeat(40));
        assertEquals(100, guard.inFlight(), "exactly the budget is allowed");
        assertTrue(second.isOpen());
        send(second, "b");
        assertFalse(second.isOpen(), "one byte past the budget closes the connection that sent it");
        assertEquals(60, guard.inFlight());
        assertTrue(first.isOpen());

        drainInbound(first);
        answer(first);
        assertEquals(0, guard.inFlight());
        drainInbound(second);
    }

    @Test
    void aHeadAlone_holdsNoBudget() {
        EmbeddedChannel channel = connection();
        send(channel, "GET /_emulator/health HTTP/1.1\r\nHost: a\r\nX-Long: " + "h".repeat(500) + "\r\n\r\n");
        assertEquals(0, guard.inFlight());
        assertTrue(channel.isOpen());
        drainInbound(channel);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "*|gzip", "snappy|NONE", "br|NONE", "zstd|NONE", "deflate|NONE", "snappy, *|gzip", "gzip;q=0.5, snappy;q=1|gzip;q=0.5",
            "*;q=0.9, br|gzip;q=0.9", "identity|identity", "GZIP|gzip", "br, identity;q=0.1, gzip|identity;q=0.1, gzip", "x-unknown|NONE"})
    void acceptEncoding_isNarrowedToGzipOrIdentity(String asked, String kept) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        request.headers().set("Accept-Encoding", asked);
        ConnectionGuard.narrowEncodings(request);
        assertEquals(kept, request.headers().get("Accept-Encoding"));
    }

    @Test
    void noAcceptEncoding_staysNone() {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        ConnectionGuard.narrowEncodings(request);
        assertNull(request.headers().get("Accept-Encoding"));
    }
}
