package dev.keyport.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The load generator: Vert.x's HTTP/1.1 client with keep-alive, on its own event loops, to 127.0.0.1 only.
 *
 * <ul>
 *   <li>Closed loop: {@code c} workers, each with one connection of its own, each sending its next request when
 *   the previous one is answered, for a fixed time (and at most {@value #MAX_REQUESTS} requests).</li>
 *   <li>Open loop: requests due on a fixed schedule ({@link OpenLoopSchedule}), sent whatever the server does over
 *   a fixed set of connections; latency from each request's due time.</li>
 * </ul>
 */
final class LoadDriver implements AutoCloseable {

    static final long MAX_REQUESTS = 50_000_000;
    /** A request unanswered this long is a failure ("timeout") and its worker goes on. */
    static final long REQUEST_TIMEOUT_MILLIS = 30_000;
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Vertx vertx;
    private final Context[] contexts;

    /** @param eventLoops the client's event-loop threads (the machine has 2 cores, shared with the server) */
    LoadDriver(int eventLoops) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1).setBlockedThreadCheckInterval(TimeUnit.HOURS.toMillis(1)));
        this.contexts = new Context[eventLoops];
        for (int i = 0; i < eventLoops; i++) {
            contexts[i] = vertx.getOrCreateContext(); // from a plain thread: a new event loop each time
        }
    }

    private HttpClient client(int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                .setTcpNoDelay(true).setDefaultHost("127.0.0.1").setKeepAliveTimeout(120),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    private static Future<Answer> send(HttpClient client, Target target, Call call) {
        RequestOptions options = new RequestOptions().setMethod(call.method()).setHost("127.0.0.1")
                .setPort(target.port()).setURI(call.uri()).setHeaders(call.headers())
                .setIdleTimeout(REQUEST_TIMEOUT_MILLIS);
        return client.request(options).compose(request -> request.send(call.body()))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body,
                        target.error(response.statusCode(), body))));
    }

    private static String failure(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        return name.contains("Timeout") ? "no answer within " + REQUEST_TIMEOUT_MILLIS / 1000 + " s"
                : "transport: " + name;
    }

    static Histogram histogram() {
        return new Histogram(1, HIGHEST_MICROS, 3);
    }

    private static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(1, Math.min(HIGHEST_MICROS, nanos / 1000)));
    }

    private static long selfTicks() {
        return ProcFs.cpuTicks(ProcessHandle.current().pid());
    }

    // ---------------------------------------------------------------------------------------------- closed loop

    private final class Worker {
        final HttpClient client = client(1);
        final Histogram latency = histogram();
        final Map<String, Long> errors = new HashMap<>();
        final int[] keys;
        long requests;
        int cursor;
        int key;
        int step;
        volatile boolean waiting;

        Worker(int index, int workers, int keySlots) {
            if (keySlots == 0) {
                keys = new int[] {0};
            } else if (keySlots >= workers) {
                int n = (keySlots - index + workers - 1) / workers;
                keys = new int[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = index + i * workers;
                }
            } else {
                keys = new int[] {index % keySlots}; // fewer keys than workers: some share
            }
        }
    }

    /**
     * {@code concurrency} workers for {@code duration}; a worker stops only between units, so a pair always ends
     * with its second request. Abandoned (its workers counted as stalled) when not done a minute after the end.
     */
    Measured closed(Workload workload, int concurrency, Duration duration, LongSupplier serverTicks)
            throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(new Worker(i, concurrency, workload.keys()));
        }
        CountDownLatch done = new CountDownLatch(concurrency);
        long perWorkerLimit = MAX_REQUESTS / concurrency;
        long serverBefore = serverTicks.getAsLong();
        long clientBefore = selfTicks();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long[] lastAnswer = new long[concurrency];
        for (int i = 0; i < concurrency; i++) {
            Worker worker = workers.get(i);
            int index = i;
            contexts[i % contexts.length].runOnContext(v -> next(workload, worker, deadline, perWorkerLimit, () -> {
                lastAnswer[index] = System.nanoTime();
                done.countDown();
            }));
        }
        boolean finished = done.await(duration.toMillis() + REQUEST_TIMEOUT_MILLIS + 30_000,
                TimeUnit.MILLISECONDS);
        long end = finished ? java.util.Arrays.stream(lastAnswer).max().orElse(start) : System.nanoTime();
        long serverAfter = serverTicks.getAsLong();
        long clientAfter = selfTicks();
        Histogram latency = histogram();
        Map<String, Long> errors = new HashMap<>();
        long requests = 0;
        long stalled = 0;
        for (Worker worker : workers) {
            synchronized (worker) {
                latency.add(worker.latency);
                worker.errors.forEach((code, n) -> errors.merge(code, n, Long::sum));
                requests += worker.requests;
            }
            if (worker.waiting) {
                stalled++;
            }
            worker.client.close();
        }
        if (stalled > 0) {
            errors.merge("worker stalled (no answer at the end)", stalled, Long::sum);
        }
        return new Measured(workload.label(), workload.target().name(), concurrency, requests, errors,
                end - start, latency, serverBefore < 0 || serverAfter < 0 ? -1 : serverAfter - serverBefore,
                clientAfter - clientBefore, stalled, 0, 0);
    }

    private void next(Workload workload, Worker worker, long deadline, long limit, Runnable finish) {
        if (worker.step == 0) {
            if (System.nanoTime() >= deadline || worker.requests >= limit) {
                finish.run();
                return;
            }
            worker.key = worker.keys[worker.cursor];
            worker.cursor = (worker.cursor + 1) % worker.keys.length;
        }
        Call call = workload.call(worker.key, worker.step);
        long sent = System.nanoTime();
        worker.waiting = true;
        send(worker.client, workload.target(), call).onComplete(result -> {
            long answered = System.nanoTime();
            synchronized (worker) {
                worker.waiting = false;
                record(worker.latency, answered - sent);
                worker.requests++;
                String error = result.succeeded() ? result.result().error() : failure(result.cause());
                if (error != null) {
                    worker.errors.merge(error, 1L, Long::sum);
                }
            }
            worker.step = (worker.step + 1) % workload.steps();
            if (result.succeeded()) {
                next(workload, worker, deadline, limit, finish);
            } else { // a failure may come at once: go on from the event loop, not deeper in this stack
                vertx.runOnContext(v -> next(workload, worker, deadline, limit, finish));
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ open loop

    /**
     * Requests due at {@code perSecond} for {@code duration} over {@code connections} connections. A unit's second
     * request is sent when its first is answered, and not before it is due; a unit on a key whose previous unit is
     * still in flight waits for it (still counted from its own due time). Requests unanswered {@code grace} after
     * the last due time are abandoned and counted as errors.
     */
    Measured open(Workload workload, double perSecond, Duration duration, int connections, Duration grace,
                  LongSupplier serverTicks) throws InterruptedException {
        long units = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9 / workload.steps()));
        OpenRun run = new OpenRun(workload, units, perSecond, connections);
        long serverBefore = serverTicks.getAsLong();
        long clientBefore = selfTicks();
        run.context.runOnContext(v -> run.begin());
        long giveUp = run.schedule.endNanos() + grace.toNanos();
        boolean finished = run.done.await(Math.max(0, giveUp - System.nanoTime()) / 1_000_000 + 1,
                TimeUnit.MILLISECONDS);
        CountDownLatch closed = new CountDownLatch(1);
        run.context.runOnContext(v -> {
            run.abandon(System.nanoTime());
            closed.countDown();
        });
        closed.await(30, TimeUnit.SECONDS);
        long serverAfter = serverTicks.getAsLong();
        long clientAfter = selfTicks();
        run.client.close();
        long end = run.lastAnswer > 0 ? run.lastAnswer : System.nanoTime();
        if (!finished) {
            run.errors.merge("no answer within " + grace.toSeconds() + " s of the schedule's end",
                    run.unanswered, Long::sum);
        }
        return new Measured(workload.label(), workload.target().name(), connections, run.answered, run.errors,
                end - run.schedule.startNanos(), run.latency, serverBefore < 0 || serverAfter < 0 ? -1
                : serverAfter - serverBefore, clientAfter - clientBefore, run.unanswered, run.schedule.total(),
                perSecond);
    }

    /** One open-loop segment; every field is touched on {@link #context}'s thread only. */
    private final class OpenRun {
        final Workload workload;
        final int steps;
        final long units;
        final OpenLoopSchedule schedule;
        final Context context = contexts[0];
        final HttpClient client;
        final Histogram latency = histogram();
        final Map<String, Long> errors = new HashMap<>();
        final CountDownLatch done = new CountDownLatch(1);
        final BitSet answeredRequests;
        final boolean[] busy;
        final List<ArrayDeque<Long>> waiting;
        long nextUnit;
        long answered;
        long unitsDone;
        long unanswered;
        long lastAnswer;
        long timer = -1;
        boolean over;

        OpenRun(Workload workload, long units, double perSecond, int connections) {
            this.workload = workload;
            this.steps = workload.steps();
            this.units = units;
            this.schedule = new OpenLoopSchedule(System.nanoTime() + 100_000_000L, perSecond, units * steps);
            this.client = client(connections);
            this.answeredRequests = new BitSet((int) (units * steps));
            int keys = Math.max(1, workload.keys());
            this.busy = new boolean[keys];
            this.waiting = new ArrayList<>(keys);
            for (int i = 0; i < keys; i++) {
                waiting.add(new ArrayDeque<>());
            }
        }

        void begin() {
            timer = vertx.setPeriodic(1, id -> tick());
        }

        private void tick() {
            if (over) {
                return;
            }
            long due = schedule.dueBy(System.nanoTime());
            while (nextUnit < units && nextUnit * steps < due) {
                startUnit(nextUnit++);
            }
            if (nextUnit >= units && timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }

        private int keyOf(long unit) {
            return workload.keys() == 0 ? 0 : (int) (unit % workload.keys());
        }

        private void startUnit(long unit) {
            int key = keyOf(unit);
            if (workload.keys() > 0 && busy[key]) {
                waiting.get(key).add(unit);
                return;
            }
            busy[key] = workload.keys() > 0;
            sendStep(unit, 0);
        }

        private void sendStep(long unit, int step) {
            if (over) {
                return;
            }
            long request = unit * steps + step;
            long wait = schedule.dueNanos(request) - System.nanoTime();
            if (wait > 1_000_000) {
                vertx.setTimer(wait / 1_000_000, id -> send(unit, step, request));
            } else {
                send(unit, step, request);
            }
        }

        private void send(long unit, int step, long request) {
            if (over) {
                return;
            }
            Call call = workload.call(keyOf(unit), step);
            LoadDriver.send(client, workload.target(), call).onComplete(result -> {
                if (over) {
                    return;
                }
                long now = System.nanoTime();
                lastAnswer = now;
                answered++;
                answeredRequests.set((int) request);
                record(latency, schedule.latencyNanos(request, now));
                String error = result.succeeded() ? result.result().error() : failure(result.cause());
                if (error != null) {
                    errors.merge(error, 1L, Long::sum);
                }
                if (step + 1 < steps) {
                    sendStep(unit, step + 1);
                } else {
                    finishUnit(unit);
                }
            });
        }

        private void finishUnit(long unit) {
            unitsDone++;
            int key = keyOf(unit);
            busy[key] = false;
            Long queued = waiting.get(key).poll();
            if (queued != null) {
                busy[key] = true;
                sendStep(queued, 0);
            }
            if (unitsDone == units) {
                done.countDown();
            }
        }

        /** Ends the segment: every request not answered by {@code now} counts at its wait so far. */
        void abandon(long now) {
            over = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            long total = schedule.total();
            for (long request = 0; request < total; request++) {
                if (!answeredRequests.get((int) request)) {
                    unanswered++;
                    long due = schedule.dueNanos(request);
                    if (due <= now) {
                        record(latency, now - due);
                    }
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- setup

    /**
     * Sends each call once, {@code concurrency} at a time, and returns the answers in the calls' order; a call that
     * failed in transport has an answer with status 0. Fails when not all are answered within {@code timeout}.
     */
    List<Answer> each(Target target, List<Supplier<Call>> calls, int concurrency, Duration timeout)
            throws InterruptedException {
        Answer[] answers = new Answer[calls.size()];
        AtomicInteger cursor = new AtomicInteger();
        int workers = Math.max(1, Math.min(concurrency, calls.size()));
        CountDownLatch done = new CountDownLatch(workers);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            HttpClient client = client(1);
            clients.add(client);
            contexts[i % contexts.length].runOnContext(v -> eachNext(target, client, calls, cursor, answers, done));
        }
        boolean finished = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        clients.forEach(HttpClient::close);
        if (!finished) {
            throw new IllegalStateException(target.name() + ": setup requests not answered within " + timeout);
        }
        return List.of(answers);
    }

    private void eachNext(Target target, HttpClient client, List<Supplier<Call>> calls, AtomicInteger cursor,
                          Answer[] answers, CountDownLatch done) {
        int index = cursor.getAndIncrement();
        if (index >= calls.size()) {
            done.countDown();
            return;
        }
        send(client, target, calls.get(index).get()).onComplete(result -> {
            answers[index] = result.succeeded() ? result.result() : new Answer(0, null, failure(result.cause()));
            eachNext(target, client, calls, cursor, answers, done);
        });
    }

    @Override
    public void close() {
        CountDownLatch closed = new CountDownLatch(1);
        vertx.close().onComplete(done -> closed.countDown());
        try {
            closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
