package dev.keyport.bootstrap;

import dev.keyport.adapter.jdbc.JdbcStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** The operations endpoints: {@code /healthz} (the process is up), {@code /readyz} (the database answers), {@code /metrics}. */
final class OpsApi {

    private OpsApi() {
    }

    static Router router(Vertx vertx, JdbcStore store, Observability observability) {
        Router router = Router.router(vertx);
        router.get("/healthz").handler(ctx -> ctx.response().putHeader("Content-Type", "text/plain").end("ok\n"));
        router.get("/readyz").handler(ctx -> vertx.executeBlocking(store::isReady, false).onComplete(ready -> {
            boolean ok = ready.succeeded() && Boolean.TRUE.equals(ready.result());
            ctx.response().setStatusCode(ok ? 200 : 503).putHeader("Content-Type", "text/plain")
                    .end(ok ? "ready\n" : "database unavailable\n");
        }));
        router.get("/metrics").handler(ctx -> vertx.executeBlocking(() -> {
            observability.refreshKeyCounts(store);
            return observability.scrape();
        }, false).onComplete(scraped -> {
            if (scraped.succeeded()) {
                ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(scraped.result());
            } else {
                ctx.response().setStatusCode(503).putHeader("Content-Type", "text/plain").end("metrics unavailable\n");
            }
        }));
        return router;
    }
}
