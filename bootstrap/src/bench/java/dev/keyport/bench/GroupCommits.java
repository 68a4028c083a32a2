package dev.keyport.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;

/**
 * The H2 store's group commit as the server counts it on its operations port ({@code GET /metrics}, Prometheus
 * text): {@code keyport_store_flushes_total}, the flushes, and {@code keyport_store_flushed_transactions_total}, the
 * write transactions that asked to be made durable. Read before and after a segment, the difference of the two
 * divided by the difference of the flushes is the mean group size over it (NaN when unknown).
 */
record GroupCommits(double flushes, double transactions) {

    static final GroupCommits UNKNOWN = new GroupCommits(Double.NaN, Double.NaN);
    static final String FLUSHES = "keyport_store_flushes_total";
    static final String TRANSACTIONS = "keyport_store_flushed_transactions_total";

    private static final Call METRICS = new Call(HttpMethod.GET, "/metrics", MultiMap.caseInsensitiveMultiMap(),
            Buffer.buffer());

    /** Both counters from a scrape; UNKNOWN when either is missing (a server on PostgreSQL has no group commit). */
    static GroupCommits parse(String metrics) {
        double flushes = counter(metrics, FLUSHES);
        double transactions = counter(metrics, TRANSACTIONS);
        return Double.isNaN(flushes) || Double.isNaN(transactions) ? UNKNOWN
                : new GroupCommits(flushes, transactions);
    }

    /** The value of the unlabelled sample {@code name}, NaN when the scrape has none. */
    private static double counter(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ")).mapToDouble(line -> {
            try {
                return Double.parseDouble(line.substring(name.length() + 1).strip().split("\\s+")[0]);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }).findFirst().orElse(Double.NaN);
    }

    /** A scrape of the server's ops port; UNKNOWN when it does not answer 200 within 10 s. */
    static GroupCommits read(LoadDriver driver, Healthz ops) throws InterruptedException {
        try {
            Answer answer = driver.each(ops, List.of(() -> METRICS), 1, Duration.ofSeconds(10)).get(0);
            return answer.error() != null ? UNKNOWN : parse(answer.text());
        } catch (IllegalStateException e) {
            return UNKNOWN;
        }
    }

    /** What was counted from {@code before} to this. */
    GroupCommits since(GroupCommits before) {
        return new GroupCommits(flushes - before.flushes, transactions - before.transactions);
    }

    /** This and {@code other} added (UNKNOWN, NaN, in either gives NaN). */
    GroupCommits plus(GroupCommits other) {
        return new GroupCommits(flushes + other.flushes, transactions + other.transactions);
    }

    /** Transactions per flush; NaN when unknown or when nothing was flushed. */
    double perFlush() {
        return Double.isNaN(flushes) || flushes <= 0 ? Double.NaN : transactions / flushes;
    }
}
