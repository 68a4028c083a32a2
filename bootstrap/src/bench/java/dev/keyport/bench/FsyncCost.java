package dev.keyport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fsync section's tables: each measurement of the server with {@code KEYPORT_H2_FSYNC=true} ("on") beside the
 * same operation's at the same concurrency on the H2 section's server ("off", the default) of the same run, paired
 * by {@link #key}. A measurement without its pair (the H2 section did not run, or failed) shows "–" for the other.
 */
final class FsyncCost {

    static final List<String> CLOSED_HEADER = List.of("operation", "c", "req/s off", "req/s on", "on / off",
            "ratio to floor off", "ratio to floor on", "ratio on / off", "p50 ms off", "p50 ms on", "p99 ms off",
            "p99 ms on", "server CPU µs/req off", "server CPU µs/req on", "transactions per flush off",
            "transactions per flush on", "errors on");

    static final List<String> OPEN_HEADER = List.of("operation", "target req/s", "achieved req/s off",
            "achieved req/s on", "answered / scheduled on", "p50 ms off", "p50 ms on", "p99 ms off", "p99 ms on",
            "max ms off", "max ms on", "server CPU µs/req off", "server CPU µs/req on", "transactions per flush off",
            "transactions per flush on", "errors on");

    private FsyncCost() {
    }

    /** What pairs a measurement with its counterpart: the operation's label and the concurrency. */
    static String key(Measured m) {
        return m.label() + "@" + m.concurrency();
    }

    /** The closed-loop rows, in the order of {@code on}, each with its pair in {@code off} (by {@link #key}). */
    static List<List<String>> closedRows(List<Bench.Row> on, Map<String, Bench.Row> off, long ticksPerSecond) {
        List<List<String>> rows = new ArrayList<>();
        for (Bench.Row row : on) {
            Measured m = row.measured();
            Bench.Row pair = off.get(key(m));
            Measured o = pair == null ? null : pair.measured();
            rows.add(List.of(m.label(), Integer.toString(m.concurrency()),
                    o == null ? "–" : Report.count(o.perSecond()), Report.count(m.perSecond()),
                    Report.ratio(o == null ? Double.NaN : m.perSecond() / o.perSecond()),
                    Report.ratio(pair == null ? Double.NaN : pair.ratio()), Report.ratio(row.ratio()),
                    Report.ratio(pair == null ? Double.NaN : row.ratio() / pair.ratio()),
                    millis(o, 50), Report.millis(m.millisAt(50)), millis(o, 99), Report.millis(m.millisAt(99)),
                    o == null ? "–" : Report.micros(o.serverMicrosPerRequest(ticksPerSecond)),
                    Report.micros(m.serverMicrosPerRequest(ticksPerSecond)),
                    groupSize(pair), groupSize(row), Report.errors(m)));
        }
        return rows;
    }

    /** The lowest and the highest of the floors' on / off. */
    record Drift(double low, double high) {
    }

    /**
     * How far the floor ({@code GET /healthz}, rows labelled {@link Healthz#FLOOR}) moved from the off server's
     * segments to the on server's: the range of its on / off over the concurrencies; null when no floor has a pair.
     */
    static Drift floorDrift(List<Bench.Row> on, Map<String, Bench.Row> off) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Bench.Row row : on) {
            Bench.Row pair = off.get(key(row.measured()));
            if (!row.measured().label().equals(Healthz.FLOOR) || pair == null || pair.measured().perSecond() <= 0) {
                continue;
            }
            double ratio = row.measured().perSecond() / pair.measured().perSecond();
            low = Math.min(low, ratio);
            high = Math.max(high, ratio);
        }
        return low > high ? null : new Drift(low, high);
    }

    /** The open-loop row of {@code on} beside {@code off} (null when there is none). */
    static List<String> openRow(Bench.Row on, Bench.Row off, long ticksPerSecond) {
        Measured m = on.measured();
        Measured o = off == null ? null : off.measured();
        return List.of(m.label(), Report.count(m.targetRate()), o == null ? "–" : Report.count(o.perSecond()),
                Report.count(m.perSecond()), Report.count(m.requests()) + " / " + Report.count(m.scheduled()),
                millis(o, 50), Report.millis(m.millisAt(50)), millis(o, 99), Report.millis(m.millisAt(99)),
                o == null ? "–" : Report.millis(o.maxMillis()), Report.millis(m.maxMillis()),
                o == null ? "–" : Report.micros(o.serverMicrosPerRequest(ticksPerSecond)),
                Report.micros(m.serverMicrosPerRequest(ticksPerSecond)), groupSize(off), groupSize(on),
                Report.errors(m));
    }

    private static String millis(Measured m, double percentile) {
        return m == null ? "–" : Report.millis(m.millisAt(percentile));
    }

    private static String groupSize(Bench.Row row) {
        if (row == null) {
            return "–";
        }
        double perFlush = row.commits().perFlush();
        return Double.isNaN(perFlush) ? "–" : String.format(java.util.Locale.ROOT, "%.2f", perFlush);
    }
}
