package dev.keyport.bootstrap;

import dev.keyport.adapter.huawei.HuaweiApi;
import dev.keyport.adapter.jdbc.JdbcStore;
import dev.keyport.adapter.tencent.TencentApi;
import dev.keyport.domain.KeyState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log (one structured line per request: request id, vendor, action, tenant, key id, credential presented,
 * outcome, status, latency — never material, tokens, signatures or secrets; every value escaped, so no request can
 * forge a line) and the Prometheus metrics: requests and latency histograms by vendor, action, outcome and status;
 * keys by state as of the scrape; the JVM and the process; the connection pool; the build.
 */
final class Observability implements AutoCloseable {

    private static final Logger REQUESTS = LoggerFactory.getLogger("keyport.requests");
    /** Latency buckets of {@code keyport_requests_seconds}: a KMS call takes milliseconds, a slow one seconds. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};
    /** Values longer than this are cut in the log: a key id or a credential id is far shorter. */
    private static final int MAX_LOGGED = 128;

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<KeyState, AtomicLong> keysByState = new EnumMap<>(KeyState.class);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    Observability() {
        for (KeyState state : KeyState.values()) {
            AtomicLong count = new AtomicLong();
            keysByState.put(state, count);
            Gauge.builder("keyport_keys", count, AtomicLong::get).tag("state", apiName(state))
                    .description("keys in each state as of the scrape (expired material counts as PendingImport)")
                    .register(registry);
        }
        // an Info metric of the Prometheus client itself: Micrometer would drop the _info suffix of a gauge
        Info.builder().name("keyport_build_info").help("the running Keyport build").labelNames("version", "java")
                .register(registry.getPrometheusRegistry())
                .addLabelValues(Version.current(), System.getProperty("java.version", "unknown"));
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** A state as both APIs' documentation spells it (Tencent's KeyState; Huawei's console names). */
    static String apiName(KeyState state) {
        return switch (state) {
            case ENABLED -> "Enabled";
            case DISABLED -> "Disabled";
            case PENDING_DELETE -> "PendingDelete";
            case PENDING_IMPORT -> "PendingImport";
        };
    }

    void tencent(TencentApi.RequestOutcome o) {
        record("tencent", o.requestId(), o.action(), o.tenant(), o.keyId(), o.outcome(), 200, o.nanos(),
                o.secretId(), o.clientAddress());
    }

    void huawei(HuaweiApi.RequestOutcome o) {
        record("huawei", o.requestId(), o.operation(), o.tenant(), o.keyId(), o.outcome(), o.status(), o.nanos(),
                o.accessKey(), o.clientAddress());
    }

    /**
     * @param credential the SecretId or AK the request presented, also when it failed (never the secret or the
     *                   signature)
     */
    private void record(String vendor, String requestId, String action, String tenant, String keyId,
                        String outcome, int status, long nanos, String credential, String client) {
        String actionTag = action == null || action.isEmpty() ? "none" : action;
        timers.computeIfAbsent(new TimerKey(vendor, actionTag, outcome, status), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
        REQUESTS.atInfo()
                .addKeyValue("request_id", escape(requestId))
                .addKeyValue("vendor", vendor)
                .addKeyValue("action", escape(actionTag))
                .addKeyValue("tenant", tenant.isEmpty() ? "-" : escape(tenant))
                .addKeyValue("key", keyId.isEmpty() ? "-" : escape(keyId))
                .addKeyValue("credential", credential.isEmpty() ? "-" : escape(credential))
                .addKeyValue("client", client.isEmpty() ? "-" : escape(client))
                .addKeyValue("outcome", escape(outcome))
                .addKeyValue("status", status)
                .addKeyValue("latency_ms", millis(nanos))
                .log("request");
    }

    /** A request's timer; its labels are bounded (the vendors' action names, their error codes, HTTP statuses). */
    private record TimerKey(String vendor, String action, String outcome, int status) {
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("keyport_requests").description("API requests by vendor, action, outcome and HTTP status")
                .tags("vendor", key.vendor(), "action", key.action(), "outcome", key.outcome(), "status",
                        String.valueOf(key.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** Nanoseconds as milliseconds with two decimals, rounded half up ("1.25"), without a formatter's cost. */
    static String millis(long nanos) {
        long hundredths = (Math.max(0, nanos) + 5_000) / 10_000;
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /**
     * A value that came with a request, made safe for a log line: control characters, quotes and backslashes are
     * escaped (a newline cannot start a forged line, a quote cannot end a field early), and it is cut to 128
     * characters.
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(Math.min(value.length(), MAX_LOGGED) + 8);
        for (int i = 0; i < value.length() && i < MAX_LOGGED; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        if (value.length() > MAX_LOGGED) {
            escaped.append("…");
        }
        return escaped.toString();
    }

    /** The store's H2 group commit: how many flushes, and how many transactions they made durable. */
    void bindStore(JdbcStore store) {
        FunctionCounter.builder("keyport_store_flushes", store, JdbcStore::groupFlushes)
                .description("H2 group commits: flushes that wrote committed transactions to the file")
                .register(registry);
        FunctionCounter.builder("keyport_store_flushed_transactions", store, JdbcStore::groupTransactions)
                .description("H2 group commits: transactions made durable by them (divided by the flushes: the "
                        + "group size)")
                .register(registry);
    }

    /** Reads the key counts from the store as of now; called off the event loop before a scrape. */
    void refreshKeyCounts(JdbcStore store, Instant now) {
        Map<KeyState, Long> counts = store.keysByState(now);
        keysByState.forEach((state, count) -> count.set(counts.getOrDefault(state, 0L)));
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
