package dev.keyport.bootstrap;

import dev.keyport.adapter.jdbc.JdbcStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoints: {@code /healthz} (the process is up), {@code /readyz} (the database answers; the answer
 * comes within two seconds whatever the database does), {@code /metrics} (Prometheus text; served even while the
 * database is down, with the last key counts).
 */
final class OpsApi {

    private static final Logger LOG = LoggerFactory.getLogger(OpsApi.class);
    static final Duration READINESS_BOUND = Duration.ofSeconds(2);

    private final Vertx vertx;
    private final JdbcStore store;
    private final Observability observability;
    private final Clock clock;
    /** The readiness check running now, if any: probes arriving meanwhile share it instead of piling up. */
    private final AtomicReference<Future<Boolean>> checking = new AtomicReference<>();

    private OpsApi(Vertx vertx, JdbcStore store, Observability observability, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.observability = observability;
        this.clock = clock;
    }

    static Router router(Vertx vertx, JdbcStore store, Observability observability, Clock clock) {
        OpsApi ops = new OpsApi(vertx, store, observability, clock);
        Router router = Router.router(vertx);
        router.get("/healthz").handler(ctx -> text(ctx, 200, "ok\n"));
        router.get("/readyz").handler(ops::readyz);
        router.get("/metrics").handler(ops::metrics);
        router.route().handler(ctx -> text(ctx, 404, "not found: /healthz, /readyz and /metrics are served here\n"));
        return router;
    }

    private void readyz(RoutingContext ctx) {
        Promise<Boolean> answer = Promise.promise();
        long timer = vertx.setTimer(READINESS_BOUND.toMillis(), id -> answer.tryComplete(false));
        check().onComplete(ready -> {
            vertx.cancelTimer(timer);
            answer.tryComplete(ready.succeeded() && Boolean.TRUE.equals(ready.result()));
        });
        answer.future().onSuccess(ok -> text(ctx, ok ? 200 : 503, ok ? "ready\n" : "database unavailable\n"));
    }

    private Future<Boolean> check() {
        while (true) {
            Future<Boolean> running = checking.get();
            if (running != null) {
                return running;
            }
            Promise<Boolean> mine = Promise.promise();
            if (checking.compareAndSet(null, mine.future())) {
                vertx.executeBlocking(store::isReady, false).onComplete(result -> {
                    checking.set(null);
                    mine.handle(result);
                });
                return mine.future();
            }
        }
    }

    private void metrics(RoutingContext ctx) {
        vertx.executeBlocking(() -> {
            try {
                observability.refreshKeyCounts(store, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("metrics: key counts not refreshed, the database does not answer ({})",
                        e.getClass().getSimpleName());
            }
            return observability.scrape();
        }, false).onComplete(scraped -> {
            if (scraped.succeeded()) {
                ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(scraped.result());
            } else {
                text(ctx, 503, "metrics unavailable\n");
            }
        });
    }

    private static void text(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(body);
    }
}
