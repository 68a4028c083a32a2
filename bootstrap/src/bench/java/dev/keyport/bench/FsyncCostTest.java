package dev.keyport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FsyncCostTest {

    private static final long TICKS = 100;
    private static final String TOGGLE = "DisableKey+EnableKey";
    private static final String CREATE = "CreateKey";

    @Test
    void eachRowIsPairedWithTheSameOperationAtTheSameConcurrency() {
        Map<String, Bench.Row> off = Map.of(
                "DisableKey+EnableKey@8", row(TOGGLE, 8, 4000, 1000, 1.0, new GroupCommits(100, 300)),
                "DisableKey+EnableKey@1", row(TOGGLE, 1, 1000, 500, 2.0, new GroupCommits(50, 50)),
                "CreateKey@8", row(CREATE, 8, 9999, 9999, 1.0, GroupCommits.UNKNOWN));
        List<List<String>> rows = FsyncCost.closedRows(List.of(row(TOGGLE, 8, 2000, 1000, 4.0,
                new GroupCommits(40, 240))), off, TICKS);

        assertThat(rows).hasSize(1);
        List<String> cells = rows.get(0);
        assertThat(cells).hasSameSizeAs(FsyncCost.CLOSED_HEADER);
        assertThat(column(cells, "operation")).isEqualTo(TOGGLE);
        assertThat(column(cells, "c")).isEqualTo("8");
        assertThat(column(cells, "req/s off")).isEqualTo("2,000"); // 4,000 requests in 2 s
        assertThat(column(cells, "req/s on")).isEqualTo("1,000");
        assertThat(column(cells, "on / off")).isEqualTo("0.500");
        assertThat(column(cells, "ratio to floor off")).isEqualTo("2.000"); // floor 1,000
        assertThat(column(cells, "ratio to floor on")).isEqualTo("1.000");
        assertThat(column(cells, "ratio on / off")).isEqualTo("0.500");
        assertThat(column(cells, "p99 ms off")).isEqualTo("1.00");
        assertThat(column(cells, "p99 ms on")).isEqualTo("4.00");
        assertThat(column(cells, "transactions per flush off")).isEqualTo("3.00");
        assertThat(column(cells, "transactions per flush on")).isEqualTo("6.00");
        assertThat(column(cells, "errors on")).isEqualTo("0");
    }

    @Test
    void aRowWithoutItsPairShowsDashesForTheOtherServer() {
        List<String> cells = FsyncCost.closedRows(List.of(row(CREATE, 64, 640, 1000, 9.0, GroupCommits.UNKNOWN)),
                Map.of(), TICKS).get(0);
        for (String off : List.of("req/s off", "on / off", "ratio to floor off", "ratio on / off", "p50 ms off",
                "p99 ms off",
                "server CPU µs/req off", "transactions per flush off", "transactions per flush on")) {
            assertThat(column(cells, off)).as(off).isEqualTo("–");
        }
        assertThat(column(cells, "req/s on")).isEqualTo("320");
    }

    @Test
    void theFloorsDriftIsTheRangeOfTheirOnOverOffAcrossTheConcurrencies() {
        Map<String, Bench.Row> off = Map.of(
                Healthz.FLOOR + "@1", row(Healthz.FLOOR, 1, 20_000, 10_000, 0.1, GroupCommits.UNKNOWN),
                Healthz.FLOOR + "@8", row(Healthz.FLOOR, 8, 80_000, 40_000, 0.1, GroupCommits.UNKNOWN),
                "DisableKey+EnableKey@1", row(TOGGLE, 1, 1000, 10_000, 2.0, GroupCommits.UNKNOWN));
        List<Bench.Row> on = List.of(row(TOGGLE, 1, 100, 15_000, 5.0, GroupCommits.UNKNOWN),
                row(Healthz.FLOOR, 1, 30_000, 15_000, 0.1, GroupCommits.UNKNOWN),
                row(Healthz.FLOOR, 8, 40_000, 20_000, 0.1, GroupCommits.UNKNOWN),
                row(Healthz.FLOOR, 64, 40_000, 20_000, 0.1, GroupCommits.UNKNOWN)); // no pair: left out

        FsyncCost.Drift drift = FsyncCost.floorDrift(on, off);

        assertThat(drift.low()).isEqualTo(0.5);
        assertThat(drift.high()).isEqualTo(1.5);
        assertThat(FsyncCost.floorDrift(on, Map.of())).isNull();
    }

    @Test
    void theKeyIsTheLabelAndTheConcurrency() {
        assertThat(FsyncCost.key(row(TOGGLE, 64, 1, 1, 1, GroupCommits.UNKNOWN).measured()))
                .isEqualTo("DisableKey+EnableKey@64");
    }

    /** A segment of 2 s with {@code requests} requests, every latency {@code millis}, and 1 server tick. */
    private static Bench.Row row(String label, int c, long requests, double floor, double millis,
                                 GroupCommits commits) {
        Histogram latency = LoadDriver.histogram();
        latency.recordValueWithCount(Math.round(millis * 1000), requests);
        Measured m = new Measured(label, "Keyport Tencent API", c, requests, Map.of(), 2_000_000_000L, latency, 1,
                1, 0, 0, 0);
        return new Bench.Row(m, floor, -1, commits);
    }

    private static String column(List<String> cells, String name) {
        return cells.get(FsyncCost.CLOSED_HEADER.indexOf(name));
    }
}
