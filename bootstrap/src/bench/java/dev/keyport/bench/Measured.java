package dev.keyport.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one segment measured.
 *
 * @param requests     requests answered (successes and errors alike)
 * @param errors       answers that were errors, and requests that got no answer, by code
 * @param elapsedNanos closed loop: from the start to the last answer; open loop: from the first due time to the
 *                     last answer
 * @param latency      microseconds; closed loop: from send to answer; open loop: from the due time to the answer
 *                     (requests abandoned unanswered are in it at the time they were abandoned)
 * @param serverTicks  CPU (user + system, clock ticks) the server used during the segment; -1 if unknown
 * @param clientTicks  the same of this benchmark's own JVM
 * @param stalled      closed loop: workers still waiting for an answer when the segment was abandoned; open loop:
 *                     requests scheduled but not answered within the grace
 * @param scheduled    open loop: requests scheduled (0 for a closed loop)
 * @param targetRate   open loop: the schedule's rate, requests per second (0 for a closed loop)
 */
record Measured(String label, String target, int concurrency, long requests, Map<String, Long> errors,
                long elapsedNanos, Histogram latency, long serverTicks, long clientTicks, long stalled,
                long scheduled, double targetRate) {

    Measured {
        errors = new TreeMap<>(errors);
    }

    /**
     * Several segments of the same workload as one: requests, times, CPU and (open loop) scheduled requests added,
     * latencies merged; the target rate is the first's.
     */
    static Measured merge(java.util.List<Measured> parts) {
        Histogram latency = LoadDriver.histogram();
        Map<String, Long> errors = new TreeMap<>();
        long requests = 0;
        long elapsed = 0;
        long server = 0;
        long client = 0;
        long stalled = 0;
        long scheduled = 0;
        for (Measured part : parts) {
            latency.add(part.latency());
            part.errors().forEach((code, n) -> errors.merge(code, n, Long::sum));
            requests += part.requests();
            elapsed += part.elapsedNanos();
            server = server < 0 || part.serverTicks() < 0 ? -1 : server + part.serverTicks();
            client += part.clientTicks();
            stalled += part.stalled();
            scheduled += part.scheduled();
        }
        Measured first = parts.get(0);
        return new Measured(first.label(), first.target(), first.concurrency(), requests, errors, elapsed, latency,
                server, client, stalled, scheduled, first.targetRate());
    }

    double perSecond() {
        return elapsedNanos <= 0 ? 0 : requests * 1e9 / elapsedNanos;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Latency percentile in milliseconds. */
    double millisAt(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
    }

    /** Server CPU per answered request in microseconds, at {@code ticksPerSecond}. */
    double serverMicrosPerRequest(long ticksPerSecond) {
        return serverTicks < 0 || requests == 0 ? Double.NaN : serverTicks * 1e6 / ticksPerSecond / requests;
    }

    double clientMicrosPerRequest(long ticksPerSecond) {
        return clientTicks < 0 || requests == 0 ? Double.NaN : clientTicks * 1e6 / ticksPerSecond / requests;
    }
}
