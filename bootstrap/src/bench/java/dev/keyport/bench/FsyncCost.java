package dev.keyport.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The fsync section's pairing: two servers on H2 of the same run, one with {@code KEYPORT_H2_FSYNC=false} ("off")
 * and one with {@code true} ("on"), measured in turn, off, on, off, on, so that the machine's drift falls on both
 * alike; each side's segments of the same operation and concurrency merged into one {@link Bench.Row}, its floor
 * the merge of that side's floor segments around them, its group commits the sum of theirs.
 */
final class FsyncCost {

    static final List<String> CLOSED_HEADER = List.of("operation", "c", "req/s off", "req/s on", "on / off",
            "ratio to floor off", "ratio to floor on", "ratio on / off", "p50 ms off", "p50 ms on", "p99 ms off",
            "p99 ms on", "server CPU µs/req off", "server CPU µs/req on", "transactions per flush off",
            "transactions per flush on", "errors off", "errors on");

    static final List<String> OPEN_HEADER = List.of("operation", "target req/s", "achieved req/s off",
            "achieved req/s on", "answered / scheduled off", "answered / scheduled on", "p50 ms off", "p50 ms on",
            "p99 ms off", "p99 ms on", "max ms off", "max ms on", "server CPU µs/req off", "server CPU µs/req on",
            "transactions per flush off", "transactions per flush on", "errors off", "errors on");

    private FsyncCost() {
    }

    /**
     * One segment on one server: the operation's measurement, the floor segments just before and after it (null in
     * the open loop, which has none) and the group commits counted during the operation's.
     */
    record Segment(Measured measured, Measured floorBefore, Measured floorAfter, GroupCommits commits) {
    }

    /** Measures one segment on the server with fsync {@code on} or off. */
    interface Runner {
        Segment run(boolean on) throws InterruptedException;
    }

    /** Each side's segments merged; {@code floorsOff}, {@code floorsOn}: every floor segment of that side. */
    record Pair(Bench.Row off, Bench.Row on, List<Measured> floorsOff, List<Measured> floorsOn) {
    }

    /**
     * {@code rounds} segments on each server, alternating off, on, off, on …, merged per side: requests, times and
     * CPU added and latencies merged ({@link Measured#merge}), the floor the merge of the side's floor segments
     * (NaN when there are none), the group commits added.
     */
    static Pair alternate(int rounds, Runner runner) throws InterruptedException {
        List<Segment> off = new ArrayList<>();
        List<Segment> on = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            off.add(runner.run(false));
            on.add(runner.run(true));
        }
        return new Pair(merged(off), merged(on), floors(off), floors(on));
    }

    private static Bench.Row merged(List<Segment> segments) {
        Measured m = Measured.merge(segments.stream().map(Segment::measured).toList());
        List<Measured> floors = floors(segments);
        double floor = floors.isEmpty() ? Double.NaN : Measured.merge(floors).perSecond();
        GroupCommits commits = new GroupCommits(0, 0);
        for (Segment segment : segments) {
            commits = commits.plus(segment.commits());
        }
        return new Bench.Row(m, floor, -1, commits);
    }

    private static List<Measured> floors(List<Segment> segments) {
        List<Measured> floors = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.floorBefore() != null) {
                floors.add(segment.floorBefore());
            }
            if (segment.floorAfter() != null) {
                floors.add(segment.floorAfter());
            }
        }
        return floors;
    }

    /** The floor itself as a pair: each side's floor segments (of one concurrency) merged. */
    static Pair floorPair(List<Measured> off, List<Measured> on) {
        Measured o = Measured.merge(off);
        Measured n = Measured.merge(on);
        return new Pair(new Bench.Row(o, o.perSecond(), -1, GroupCommits.UNKNOWN),
                new Bench.Row(n, n.perSecond(), -1, GroupCommits.UNKNOWN), off, on);
    }

    /** One closed-loop row per pair, in their order. */
    static List<List<String>> closedRows(List<Pair> pairs, long ticksPerSecond) {
        List<List<String>> rows = new ArrayList<>();
        for (Pair pair : pairs) {
            Measured o = pair.off().measured();
            Measured m = pair.on().measured();
            rows.add(List.of(m.label(), Integer.toString(m.concurrency()), Report.count(o.perSecond()),
                    Report.count(m.perSecond()), Report.ratio(m.perSecond() / o.perSecond()),
                    Report.ratio(pair.off().ratio()), Report.ratio(pair.on().ratio()),
                    Report.ratio(pair.on().ratio() / pair.off().ratio()), Report.millis(o.millisAt(50)),
                    Report.millis(m.millisAt(50)), Report.millis(o.millisAt(99)), Report.millis(m.millisAt(99)),
                    Report.micros(o.serverMicrosPerRequest(ticksPerSecond)),
                    Report.micros(m.serverMicrosPerRequest(ticksPerSecond)), groupSize(pair.off()),
                    groupSize(pair.on()), Report.errors(o), Report.errors(m)));
        }
        return rows;
    }

    /** The open-loop row of a pair. */
    static List<String> openRow(Pair pair, long ticksPerSecond) {
        Measured o = pair.off().measured();
        Measured m = pair.on().measured();
        return List.of(m.label(), Report.count(m.targetRate()), Report.count(o.perSecond()),
                Report.count(m.perSecond()), Report.count(o.requests()) + " / " + Report.count(o.scheduled()),
                Report.count(m.requests()) + " / " + Report.count(m.scheduled()), Report.millis(o.millisAt(50)),
                Report.millis(m.millisAt(50)), Report.millis(o.millisAt(99)), Report.millis(m.millisAt(99)),
                Report.millis(o.maxMillis()), Report.millis(m.maxMillis()),
                Report.micros(o.serverMicrosPerRequest(ticksPerSecond)),
                Report.micros(m.serverMicrosPerRequest(ticksPerSecond)), groupSize(pair.off()),
                groupSize(pair.on()), Report.errors(o), Report.errors(m));
    }

    private static String groupSize(Bench.Row row) {
        double perFlush = row.commits().perFlush();
        return Double.isNaN(perFlush) ? "–" : String.format(java.util.Locale.ROOT, "%.2f", perFlush);
    }
}
