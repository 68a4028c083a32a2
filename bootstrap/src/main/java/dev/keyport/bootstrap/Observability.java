package dev.keyport.bootstrap;

import dev.keyport.adapter.huawei.HuaweiApi;
import dev.keyport.adapter.jdbc.JdbcStore;
import dev.keyport.adapter.tencent.TencentApi;
import dev.keyport.domain.KeyState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log (one line per request: request id, vendor, action, tenant, key id, outcome, latency — never
 * material, tokens, signatures or secrets) and the Prometheus metrics: requests and latency by vendor, action and
 * outcome; keys by state; the connection pool.
 */
final class Observability {

    private static final Logger REQUESTS = LoggerFactory.getLogger("keyport.requests");

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<KeyState, AtomicLong> keysByState = new ConcurrentHashMap<>();

    Observability() {
        for (KeyState state : KeyState.values()) {
            AtomicLong count = new AtomicLong();
            keysByState.put(state, count);
            Gauge.builder("keyport_keys", count, AtomicLong::get).tag("state", state.name())
                    .description("keys stored in each state").register(registry);
        }
    }

    void tencent(TencentApi.RequestOutcome o) {
        record("tencent", o.requestId(), o.action(), o.tenant(), o.keyId(), o.outcome(), o.nanos());
    }

    void huawei(HuaweiApi.RequestOutcome o) {
        record("huawei", o.requestId(), o.operation(), o.tenant(), o.keyId(), o.outcome() + "/" + o.status(),
                o.nanos());
    }

    private void record(String vendor, String requestId, String action, String tenant, String keyId,
                        String outcome, long nanos) {
        String actionTag = action == null || action.isEmpty() ? "none" : action;
        Timer.builder("keyport_requests").description("API requests by vendor, action and outcome")
                .tags("vendor", vendor, "action", actionTag, "outcome", outcome)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        REQUESTS.info("request id={} vendor={} action={} tenant={} key={} outcome={} latency_ms={}", requestId,
                vendor, actionTag, tenant.isEmpty() ? "-" : tenant, keyId.isEmpty() ? "-" : keyId, outcome,
                String.format("%.2f", nanos / 1_000_000.0));
    }

    /** Reads the key counts from the store; called off the event loop before a scrape. */
    void refreshKeyCounts(JdbcStore store) {
        Map<String, Long> counts = store.keysByState();
        keysByState.forEach((state, count) -> count.set(counts.getOrDefault(state.name(), 0L)));
    }

    String scrape() {
        return registry.scrape();
    }
}
