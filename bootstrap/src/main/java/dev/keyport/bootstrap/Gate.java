package dev.keyport.bootstrap;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In front of every listener: counts the requests in flight, and once closed, turns new ones away, so that a
 * shutdown can wait for the requests it accepted to finish.
 */
final class Gate {

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    /** A plain 503 that closes the connection, for a listener without an error shape of its own. */
    static final Handler<HttpServerRequest> PLAIN_UNAVAILABLE = request -> request.response().setStatusCode(503)
            .putHeader("Connection", "close").putHeader("Content-Type", "text/plain; charset=utf-8")
            .end("stopping\n");

    Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next) {
        return guard(next, PLAIN_UNAVAILABLE);
    }

    /** @param unavailable answers a request that arrives once the gate is closed, in the listener's own shape */
    Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next, Handler<HttpServerRequest> unavailable) {
        return request -> {
            if (closed) {
                unavailable.handle(request);
                return;
            }
            inFlight.incrementAndGet();
            AtomicBoolean done = new AtomicBoolean();
            Runnable finished = () -> {
                if (done.compareAndSet(false, true)) {
                    inFlight.decrementAndGet();
                }
            };
            request.response().endHandler(v -> finished.run());
            request.response().closeHandler(v -> finished.run());
            next.handle(request);
        };
    }

    /** Stops accepting, then waits up to {@code grace} for the requests in flight; true when none is left. */
    boolean closeAndDrain(Duration grace) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return inFlight.get() == 0;
    }

    int inFlight() {
        return inFlight.get();
    }
}
