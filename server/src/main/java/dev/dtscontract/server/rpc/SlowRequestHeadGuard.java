package dev.dtscontract.server.rpc;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request line and headers take longer than {@code dts.server.request-head-timeout}
 * (default 10 s) to arrive, counted from the first byte of the request. Netty's idle timeouts reset on every
 * byte, so a client sending one header byte at a time could hold a connection, and its event-loop share,
 * forever. The body and the wait between keep-alive requests are not timed here.
 */
@Singleton
final class SlowRequestHeadGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final long timeoutNanos;

    SlowRequestHeadGuard(@Value("${dts.server.request-head-timeout:10s}") Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
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
            HeadClock clock = new HeadClock();
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "dts-head-timer", clock.bytes());
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "dts-head-seen", clock.heads());
        }
    }

    /** One connection's state: idle, reading a request head (timed), or serving a request. */
    private final class HeadClock {
        private boolean headPending;
        private boolean serving;
        private ScheduledFuture<?> deadline;

        /** Before the decoder: the first byte of a new request starts the clock. */
        ChannelInboundHandlerAdapter bytes() {
            return new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (!headPending && !serving && msg instanceof ByteBuf buf && buf.isReadable()) {
                        headPending = true;
                        deadline = ctx.executor().schedule(() -> {
                            ctx.channel().close();
                        }, timeoutNanos, TimeUnit.NANOSECONDS);
                    }
                    ctx.fireChannelRead(msg);
                }

                @Override
                public void channelInactive(ChannelHandlerContext ctx) {
                    stop();
                    ctx.fireChannelInactive();
                }
            };
        }

        /** After the decoder: a decoded head stops the clock; the end of the response makes the connection idle. */
        ChannelDuplexHandler heads() {
            return new ChannelDuplexHandler() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof HttpRequest) {
                        stop();
                        serving = true;
                    }
                    ctx.fireChannelRead(msg);
                }

                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    if (msg instanceof LastHttpContent) {
                        serving = false;
                    }
                    ctx.write(msg, promise);
                }
            };
        }

        private void stop() {
            headPending = false;
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }
}
