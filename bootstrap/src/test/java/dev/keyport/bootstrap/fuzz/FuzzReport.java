package dev.keyport.bootstrap.fuzz;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.keyport.bootstrap.fuzz.FuzzWorker.Failure;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The failures of a run as one table, every failing request on its own line, then the offending log events. */
final class FuzzReport {

    private static final int MAX_ROWS = 2000;

    private FuzzReport() {
    }

    static String render(String store, FuzzRun.Result result, List<ILoggingEvent> logEvents,
                         List<ILoggingEvent> leaks, long eventsSeen) {
        StringBuilder out = new StringBuilder();
        out.append(summary(store, result, logEvents, leaks, eventsSeen)).append('\n');
        List<Failure> rows = result.failures().stream().sorted(Comparator.comparing(Failure::vendor)
                .thenComparing(Failure::action).thenComparing(Failure::transport).thenComparing(Failure::field)
                .thenComparing(Failure::problem).thenComparing(Failure::label)).toList();
        if (!rows.isEmpty()) {
            Map<String, Integer> byProblem = new LinkedHashMap<>();
            rows.forEach(f -> byProblem.merge(f.vendor() + " " + f.action() + ": " + problemClass(f.problem()), 1,
                    Integer::sum));
            out.append("\nfailing requests by action and kind:\n");
            byProblem.forEach((key, count) -> out.append(String.format("%6d  %s%n", count, key)));
            out.append("\nvendor | transport | action | field | value | status | code | problem\n");
            rows.stream().limit(MAX_ROWS).forEach(f -> out.append(f.vendor()).append(" | ")
                    .append(f.transport().label(f.vendor()))
                    .append(" | ").append(f.action()).append(" | ").append(f.field()).append(" | ")
                    .append(HostileValues.escaped(f.label())).append(" | ").append(f.status()).append(" | ")
                    .append(f.code()).append(" | ").append(HostileValues.escaped(f.problem())).append('\n'));
            if (rows.size() > MAX_ROWS) {
                out.append("… and ").append(rows.size() - MAX_ROWS).append(" more\n");
            }
        }
        if (!leaks.isEmpty()) {
            out.append("\nlog events holding a secret or a signature (").append(leaks.size()).append(" events):\n");
            LogCapture.summarize(leaks).forEach(line -> out.append(line).append('\n'));
        }
        if (!logEvents.isEmpty()) {
            out.append("\nERROR log events and stack traces (").append(logEvents.size()).append(" events):\n");
            LogCapture.summarize(logEvents).forEach(line -> out.append(line).append('\n'));
        }
        if (!result.acceptedChanges().isEmpty()) {
            out.append("\nfor information, not failures: hostile requests accepted with a change of the store "
                    + "(the test then brings its keys back):\n");
            result.acceptedChanges().forEach((where, count) -> out.append(String.format("%6d  %s%n", count, where)));
        }
        if (!result.authenticationFailures().isEmpty()) {
            out.append("\nfor information: requests refused as failed authentication ("
                    + result.authenticationFailures().values().stream().mapToInt(Integer::intValue).sum()
                    + "; a throttle of failed authentication must let the fuzz's credentials through):\n");
            result.authenticationFailures().forEach((what, count) -> out.append(String.format("%6d  %s%n", count,
                    HostileValues.escaped(what))));
        }
        if (!result.remade().isEmpty()) {
            out.append("\nkeys made anew for a role, instead of brought back:\n");
            result.remade().forEach((why, count) -> out.append(String.format("%6d  %s%n", count, why)));
        }
        return out.toString();
    }

    static String summary(String store, FuzzRun.Result result, List<ILoggingEvent> logEvents,
                          List<ILoggingEvent> leaks, long eventsSeen) {
        return String.format("fuzz on %s: %d cases, %d requests (%d refused, %d changed the store), %d keys made "
                        + "and %d brought back for the cases, %d import grants issued; %d failing requests; %d ERROR "
                        + "or stack-trace log events and %d holding a secret or signature, of %d; "
                        + "set-up %.1f s, fuzz %.1f s (%.0f requests/s; summed over the workers: %.1f s "
                        + "sending, %.1f s checking the store, %.1f s bringing keys back)", store, result.cases(),
                result.requests(), result.refused(), result.changes(), result.keysMade(), result.restores(),
                result.grants(), result.failures().size(), logEvents.size(), leaks.size(), eventsSeen,
                result.provisionNanos() / 1e9,
                result.fuzzNanos() / 1e9, result.requests() / (result.fuzzNanos() / 1e9),
                result.workerNanos()[0] / 1e9, result.workerNanos()[1] / 1e9, result.workerNanos()[2] / 1e9);
    }

    private static String problemClass(String problem) {
        int colon = problem.indexOf(':');
        return colon > 0 && colon < 60 ? problem.substring(0, colon) : problem.length() > 60
                ? problem.substring(0, 60) : problem;
    }
}
