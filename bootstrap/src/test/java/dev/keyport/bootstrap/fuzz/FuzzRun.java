package dev.keyport.bootstrap.fuzz;

import dev.keyport.bootstrap.KeyportServer;
import dev.keyport.bootstrap.fuzz.FuzzPlan.Case;
import dev.keyport.bootstrap.fuzz.FuzzWorker.Failure;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The fuzz against one running server: workers with two tenants each, pulling units of cases from one queue. */
final class FuzzRun {

    /** A tenant of the credentials file, with one credential for each vendor. */
    record Tenant(String id, String secretId, String secretKey, String accessKey, String huaweiSecret,
                  String project) {
    }

    /** What a run did. */
    record Result(List<Failure> failures, int cases, int requests, int refused, int changes, int keysMade,
                  int restores, int grants, long provisionNanos, long fuzzNanos, long[] workerNanos,
                  Map<String, Integer> remade, Map<String, Integer> acceptedChanges,
                  Map<String, Integer> authenticationFailures) {
    }

    static final String REGION = "cn-north-4";

    private static FuzzWorker.Lane lane(HttpClient http, KeyportServer server, Tenant tenant, StoreFingerprint store) {
        return new FuzzWorker.Lane(new TencentClient(http, "127.0.0.1", server.tencentPort(), tenant.secretId(),
                tenant.secretKey(), REGION), new HuaweiClient(http, "127.0.0.1", server.huaweiPort(),
                tenant.accessKey(), tenant.huaweiSecret(), tenant.project()), store);
    }

    private FuzzRun() {
    }

    /** Runs every case; {@code tenants} come in pairs, one pair per worker. */
    static Result run(KeyportServer server, String jdbcUrl, String user, String password, List<Tenant> tenants)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<List<Case>> units = new ArrayList<>(FuzzPlan.units());
        int cases = units.stream().mapToInt(List::size).sum();
        units.sort(Comparator.comparingInt((List<Case> unit) -> unit.size()).reversed());
        ConcurrentLinkedQueue<List<Case>> queue = new ConcurrentLinkedQueue<>(units);
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        int workers = tenants.size() / 2;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long started = System.nanoTime();
        long[] provisioned = new long[workers];
        long[] workerNanos = new long[3];
        ConcurrentHashMap<String, Integer> remade = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Integer> accepted = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Integer> authFailures = new ConcurrentHashMap<>();
        List<Future<int[]>> done = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Tenant main = tenants.get(2 * i);
            Tenant spare = tenants.get(2 * i + 1);
            int index = i;
            done.add(pool.submit(() -> {
                try (StoreFingerprint store = new StoreFingerprint(jdbcUrl, user, password, main.id());
                     StoreFingerprint spareStore = new StoreFingerprint(jdbcUrl, user, password, spare.id())) {
                    FuzzWorker worker = new FuzzWorker(Integer.toString(index + 1), lane(http, server, main, store),
                            lane(http, server, spare, spareStore), failures::add);
                    long start = System.nanoTime();
                    try {
                        worker.provision();
                        provisioned[index] = System.nanoTime() - start;
                        for (List<Case> unit = queue.poll(); unit != null; unit = queue.poll()) {
                            worker.run(unit);
                        }
                    } catch (RuntimeException e) {
                        // the other workers go on with the queue; this one reports why it stopped
                        failures.add(new Failure(FuzzPlan.Vendor.TENCENT, FuzzPlan.Transport.JSON, "-", "-", "-", 0,
                                null, "worker " + (index + 1) + " stopped: " + e));
                    }
                    worker.remade().forEach((k, v) -> remade.merge(k, v, Integer::sum));
                    worker.acceptedChanges().forEach((k, v) -> accepted.merge(k, v, Integer::sum));
                    worker.authenticationFailures().forEach((k, v) -> authFailures.merge(k, v, Integer::sum));
                    long[] nanos = worker.nanos();
                    synchronized (workerNanos) {
                        for (int n = 0; n < nanos.length; n++) {
                            workerNanos[n] += nanos[n];
                        }
                    }
                    return new int[] {worker.requests(), worker.refused(), worker.changes(), worker.keysMade(),
                            worker.restores(), (int) store.grants()};
                }
            }));
        }
        int[] totals = new int[6];
        for (Future<int[]> future : done) {
            int[] counts = future.get();
            for (int i = 0; i < totals.length; i++) {
                totals[i] += counts[i];
            }
        }
        pool.shutdown();
        long elapsed = System.nanoTime() - started;
        long provisioning = java.util.Arrays.stream(provisioned).max().orElse(0);
        return new Result(List.copyOf(failures), cases, totals[0], totals[1], totals[2], totals[3], totals[4],
                totals[5], provisioning, elapsed - provisioning, workerNanos,
                new java.util.TreeMap<>(remade), new java.util.TreeMap<>(accepted),
                new java.util.TreeMap<>(authFailures));
    }
}
