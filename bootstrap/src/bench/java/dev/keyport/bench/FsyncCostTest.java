package dev.keyport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FsyncCostTest {

    private static final long TICKS = 100;
    private static final String TOGGLE = "DisableKey+EnableKey";

    @Test
    void theServersTakeTurnsOffFirstAndEachSideMergesOnlyItsOwnSegments() throws InterruptedException {
        List<Boolean> order = new ArrayList<>();
        // off: 1,000 requests per 1 s segment, floor 4,000/s, every latency 1 ms, 10 flushes of 20 transactions;
        // on: 250 per segment, floor 2,000/s, every latency 4 ms, 5 flushes of 30 transactions
        FsyncCost.Pair pair = FsyncCost.alternate(3, on -> {
            order.add(on);
            return on ? new FsyncCost.Segment(measured(TOGGLE, 8, 250, 4.0), measured(Healthz.FLOOR, 8, 2000, 0.1),
                    measured(Healthz.FLOOR, 8, 2000, 0.1), new GroupCommits(5, 30))
                    : new FsyncCost.Segment(measured(TOGGLE, 8, 1000, 1.0), measured(Healthz.FLOOR, 8, 4000, 0.1),
                    measured(Healthz.FLOOR, 8, 4000, 0.1), new GroupCommits(10, 20));
        });

        assertThat(order).containsExactly(false, true, false, true, false, true);
        assertThat(pair.off().measured().requests()).isEqualTo(3000);
        assertThat(pair.on().measured().requests()).isEqualTo(750);
        assertThat(pair.off().measured().perSecond()).isEqualTo(1000);
        assertThat(pair.off().floor()).isEqualTo(4000);
        assertThat(pair.on().floor()).isEqualTo(2000);
        assertThat(pair.floorsOff()).hasSize(6).allMatch(f -> f.requests() == 4000);
        assertThat(pair.floorsOn()).hasSize(6).allMatch(f -> f.requests() == 2000);
        assertThat(pair.off().commits().perFlush()).isEqualTo(2.0); // 60 / 30
        assertThat(pair.on().commits().perFlush()).isEqualTo(6.0); // 90 / 15

        List<String> cells = FsyncCost.closedRows(List.of(pair), TICKS).get(0);
        assertThat(cells).hasSameSizeAs(FsyncCost.CLOSED_HEADER);
        assertThat(column(cells, "operation")).isEqualTo(TOGGLE);
        assertThat(column(cells, "c")).isEqualTo("8");
        assertThat(column(cells, "req/s off")).isEqualTo("1,000");
        assertThat(column(cells, "req/s on")).isEqualTo("250");
        assertThat(column(cells, "on / off")).isEqualTo("0.250");
        assertThat(column(cells, "ratio to floor off")).isEqualTo("0.250");
        assertThat(column(cells, "ratio to floor on")).isEqualTo("0.125");
        assertThat(column(cells, "ratio on / off")).isEqualTo("0.500");
        assertThat(column(cells, "p50 ms off")).isEqualTo("1.00");
        assertThat(column(cells, "p99 ms on")).isEqualTo("4.00");
        assertThat(column(cells, "transactions per flush off")).isEqualTo("2.00");
        assertThat(column(cells, "transactions per flush on")).isEqualTo("6.00");
        assertThat(column(cells, "errors on")).isEqualTo("0");
    }

    @Test
    void theOpenLoopsSegmentsAddUpTheirScheduledRequestsAndKeepTheRate() throws InterruptedException {
        FsyncCost.Pair pair = FsyncCost.alternate(2, on -> new FsyncCost.Segment(open(on ? 900 : 1000),
                null, null, GroupCommits.UNKNOWN));

        assertThat(pair.off().floor()).isNaN();
        assertThat(pair.floorsOff()).isEmpty();
        List<String> row = FsyncCost.openRow(pair, TICKS);
        assertThat(row).hasSameSizeAs(FsyncCost.OPEN_HEADER);
        assertThat(row.get(FsyncCost.OPEN_HEADER.indexOf("target req/s"))).isEqualTo("1,000");
        assertThat(row.get(FsyncCost.OPEN_HEADER.indexOf("achieved req/s off"))).isEqualTo("500");
        assertThat(row.get(FsyncCost.OPEN_HEADER.indexOf("achieved req/s on"))).isEqualTo("450");
        assertThat(row.get(FsyncCost.OPEN_HEADER.indexOf("answered / scheduled off"))).isEqualTo("2,000 / 2,000");
        assertThat(row.get(FsyncCost.OPEN_HEADER.indexOf("answered / scheduled on"))).isEqualTo("1,800 / 2,000");
        assertThat(row.get(FsyncCost.OPEN_HEADER.indexOf("transactions per flush on"))).isEqualTo("–");
    }

    @Test
    void theFloorPairMergesEachSidesFloorSegments() {
        FsyncCost.Pair floor = FsyncCost.floorPair(
                List.of(measured(Healthz.FLOOR, 1, 3000, 0.1), measured(Healthz.FLOOR, 1, 1000, 0.1)),
                List.of(measured(Healthz.FLOOR, 1, 2000, 0.1)));

        assertThat(floor.off().measured().perSecond()).isEqualTo(2000); // 4,000 requests in 2 s
        assertThat(floor.on().measured().perSecond()).isEqualTo(2000);
        assertThat(floor.off().ratio()).isEqualTo(1.0);
        assertThat(column(FsyncCost.closedRows(List.of(floor), TICKS).get(0), "on / off")).isEqualTo("1.000");
    }

    /** A closed-loop segment of 1 s with {@code requests} requests, every latency {@code millis}, 1 server tick. */
    private static Measured measured(String label, int c, long requests, double millis) {
        Histogram latency = LoadDriver.histogram();
        latency.recordValueWithCount(Math.round(millis * 1000), requests);
        return new Measured(label, "Keyport Tencent API", c, requests, Map.of(), 1_000_000_000L, latency, 1, 1, 0, 0,
                0);
    }

    /** An open-loop segment of 2 s at 1,000 req/s: 1,000 scheduled, {@code answered} answered in it. */
    private static Measured open(long answered) {
        Histogram latency = LoadDriver.histogram();
        latency.recordValueWithCount(2000, answered);
        return new Measured(TOGGLE, "Keyport Tencent API", 64, answered, Map.of(), 2_000_000_000L, latency, 1, 1,
                1000 - answered, 1000, 1000);
    }

    private static String column(List<String> cells, String name) {
        return cells.get(FsyncCost.CLOSED_HEADER.indexOf(name));
    }
}
