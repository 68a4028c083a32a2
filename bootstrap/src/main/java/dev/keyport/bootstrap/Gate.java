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

    Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next) {
        return request -> {
            if (closed) {
                request.response().setStatusCode(503).putHeader("Connection", "close").end();
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
