package dev.keyport.bootstrap;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow and half-sent requests from holding a listener's connections for ever, and bounds how many there are.
 *
 * <ul>
 *   <li>A request must arrive in full — request line, headers and body — within the request timeout of its first
 *       byte (of the connection's opening, for its first request); otherwise its connection is closed. An idle
 *       keep-alive connection between requests is left to the listener's idle timeout.</li>
 *   <li>At most {@code maxConnections} connections are open at once; one more is closed as soon as it is accepted.</li>
 * </ul>
 *
 * <p>Vert.x 4 has no request-read deadline of its own, so two small Netty handlers watch the connection: one before
 * the HTTP decoder sees raw bytes arrive, one after it sees the last part of each request. The pipeline names are
 * Vert.x's ({@code httpDecoder}, {@code handler}); if they are absent (another protocol) only the count applies.
 */
final class ConnectionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final String listener;
    private final long requestTimeoutNanos;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong closedSlow = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    ConnectionGuard(String listener, Duration requestTimeout, int maxConnections) {
        this.listener = listener;
        this.requestTimeoutNanos = requestTimeout.toNanos();
        this.maxConnections = maxConnections;
    }

    Handler<HttpConnection> connectionHandler() {
        return connection -> {
            open.incrementAndGet();
            connection.closeHandler(v -> open.decrementAndGet());
            if (open.get() > maxConnections) {
                refused.incrementAndGet();
                LOG.atWarn().addKeyValue("listener", listener).addKeyValue("limit", maxConnections)
                        .log("connection refused: the listener holds its maximum of connections");
                connection.close();
                return;
            }
            if (connection instanceof ConnectionBase base) {
                watch(base.channel());
            }
        };
    }

    private void watch(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get("httpDecoder") == null || pipeline.get("handler") == null) {
            return;
        }
        Deadline deadline = new Deadline();
        pipeline.addBefore("httpDecoder", "keyportRequestBytes", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                deadline.start(ctx);
                ctx.fireChannelRead(msg);
            }
        });
        pipeline.addBefore("handler", "keyportRequestReceived", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    deadline.cancel();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                deadline.cancel();
                ctx.fireChannelInactive();
            }
        });
        // the first request's deadline runs from now: its first bytes may already have been read (Vert.x calls this
        // handler on the connection's event loop, before or while the decoder sees them)
        Runnable first = () -> deadline.start(pipeline.context("keyportRequestBytes"));
        if (channel.eventLoop().inEventLoop()) {
            first.run();
        } else {
            channel.eventLoop().execute(first);
        }
    }

    /** The deadline of the request being received on one connection; touched on its event loop only. */
    private final class Deadline {
        private ScheduledFuture<?> pending;

        void start(ChannelHandlerContext ctx) {
            if (pending == null && ctx != null && ctx.channel().isActive()) {
                pending = ctx.executor().schedule(() -> {
                    closedSlow.incrementAndGet();
                    LOG.atInfo().addKeyValue("listener", listener)
                            .addKeyValue("remote", String.valueOf(ctx.channel().remoteAddress()))
                            .log("connection closed: its request did not arrive in full within the request timeout");
                    ctx.channel().close();
                }, requestTimeoutNanos, TimeUnit.NANOSECONDS);
            }
        }

        void cancel() {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
    }

    int open() {
        return open.get();
    }

    long closedSlow() {
        return closedSlow.get();
    }

    long refused() {
        return refused.get();
    }
}
