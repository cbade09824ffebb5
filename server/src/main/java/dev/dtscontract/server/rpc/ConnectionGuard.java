package dev.dtscontract.server.rpc;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a connection may hold, and for how long, so that no client (or thousand clients) can hold the emulator:
 * <ul>
 * <li>a request's line and headers must arrive within {@code dts.server.request-head-timeout} (default 10 s) of its first
 * byte, and its body within {@code dts.server.request-body-timeout} (default 10 s) of its headers: Netty's idle timeouts
 * reset on every byte, so a client sending one byte at a time would otherwise hold a connection forever;</li>
 * <li>a connection with no request under way closes after {@code dts.server.idle-timeout} (default 60 s), also one that
 * never sends a byte;</li>
 * <li>the bodies of requests not yet answered hold at most {@code dts.server.max-body-bytes-in-flight} (default 32 MiB)
 * in all: a body chunk that would go past it closes its connection. Each chunk is copied off the socket's (direct,
 * pooled) buffer into one of its own size, so what is held is what was sent, on the heap, where the budget counts it;</li>
 * <li>Accept-Encoding is narrowed to what every HTTP client decodes: gzip or identity ({@code *} means gzip), never
 * snappy, brotli, zstd or deflate.</li>
 * </ul>
 */
@Singleton
final class ConnectionGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final long headNanos;
    private final long bodyNanos;
    private final long idleNanos;
    private final long budget;
    private final AtomicLong inFlight = new AtomicLong();

    ConnectionGuard(@Value("${dts.server.request-head-timeout:10s}") Duration head,
                    @Value("${dts.server.request-body-timeout:10s}") Duration body,
                    @Value("${dts.server.idle-timeout:60s}") Duration idle,
                    @Value("${dts.server.max-body-bytes-in-flight:33554432}") long budget) {
        this.headNanos = head.toNanos();
        this.bodyNanos = body.toNanos();
        this.idleNanos = idle.toNanos();
        this.budget = budget;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** Body bytes of requests not yet answered, on every connection (for tests). */
    long inFlight() {
        return inFlight.get();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
            if (pipeline == null || pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null) {
                return;
            }
            Connection connection = newConnection();
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "dts-connection-bytes", connection.bytes());
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "dts-connection-requests", connection.requests());
            if (channel.isActive()) {
                connection.idle(pipeline.firstContext());
            }
        }
    }

    /** The state of a new connection, whose two handlers go before and after the HTTP codec. */
    Connection newConnection() {
        return new Connection();
    }

    /** One connection: idle, reading a request (head, then body: each timed), or answering; and the body bytes it holds. */
    final class Connection {
        private boolean reading;    // a request's bytes have started and its last content has not been decoded
        private boolean headSeen;   // the current request's head was decoded
        private int answering;      // requests decoded and not yet answered in full
        private long held;          // body bytes of requests not yet answered

        private Connection() {
        }
        private ScheduledFuture<?> deadline;

        /** Before the decoder: the first byte of a new request starts its clock. */
        ChannelInboundHandlerAdapter bytes() {
            return new ChannelInboundHandlerAdapter() {
                @Override
                public void channelActive(ChannelHandlerContext ctx) {
                    idle(ctx);
                    ctx.fireChannelActive();
                }

                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (!reading && msg instanceof ByteBuf buf && buf.isReadable()) {
                        reading = true;
                        headSeen = false;
                        schedule(ctx, headNanos);
                    }
                    ctx.fireChannelRead(msg);
                }

                @Override
                public void channelInactive(ChannelHandlerContext ctx) {
                    cancel();
                    release();
                    ctx.fireChannelInactive();
                }
            };
        }

        /** After the decoder: heads, body chunks (counted, copied), and the ends of answers. */
        ChannelDuplexHandler requests() {
            return new ChannelDuplexHandler() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof HttpRequest request) {
                        headSeen = true;
                        answering++;
                        narrowEncodings(request);
                        schedule(ctx, bodyNanos);
                    }
                    if (msg instanceof HttpContent content) {
                        int size = content.content().readableBytes();
                        if (size > 0) {
                            if (inFlight.addAndGet(size) > budget) {
                                inFlight.addAndGet(-size);
                                content.release();
                                ctx.channel().close();
                                return;
                            }
                            held += size;
                            HttpContent copy = content.replace(Unpooled.copiedBuffer(content.content()));
                            content.release();
                            msg = copy;
                        }
                        if (msg instanceof LastHttpContent) {
                            reading = false;
                            cancel();
                        }
                    }
                    ctx.fireChannelRead(msg);
                }

                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    if (msg instanceof LastHttpContent && answering > 0 && --answering == 0) {
                        release();
                        if (!reading) {
                            idle(ctx);
                        }
                    }
                    ctx.write(msg, promise);
                }
            };
        }

        /** Nothing under way: the connection may wait this long for its next request. */
        void idle(ChannelHandlerContext ctx) {
            schedule(ctx, idleNanos);
        }

        private void schedule(ChannelHandlerContext ctx, long nanos) {
            cancel();
            deadline = ctx.executor().schedule(() -> {
                ctx.channel().close();
            }, nanos, TimeUnit.NANOSECONDS);
        }

        private void cancel() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }

        private void release() {
            if (held > 0) {
                inFlight.addAndGet(-held);
                held = 0;
            }
        }
    }

    /** Keeps only gzip and identity (a {@code *} becomes gzip), with their weights; without either, the header goes. */
    static void narrowEncodings(HttpRequest request) {
        List<String> asked = request.headers().getAll(HttpHeaderNames.ACCEPT_ENCODING);
        if (asked.isEmpty()) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String header : asked) {
            for (String item : header.split(",")) {
                String trimmed = item.trim();
                int semicolon = trimmed.indexOf(';');
                String coding = (semicolon < 0 ? trimmed : trimmed.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
                String weight = semicolon < 0 ? "" : trimmed.substring(semicolon);
                if (coding.equals("gzip") || coding.equals("identity")) {
                    kept.add(coding + weight);
                } else if (coding.equals("*")) {
                    kept.add("gzip" + weight);
                }
            }
        }
        if (kept.isEmpty()) {
            request.headers().remove(HttpHeaderNames.ACCEPT_ENCODING);
        } else {
            request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, String.join(", ", kept));
        }
    }
}
