package dev.keyport.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server, {@code java [flags] -jar keyport.jar}, as a child process on any free ports: started with a
 * fresh data folder and the rate limits out of the way, known by its ready line, stopped with SIGTERM.
 */
final class KeyportProcess implements AutoCloseable {

    static final Pattern READY = Pattern.compile(
            "keyport ready tencent=http://127\\.0\\.0\\.1:(\\d+) huawei=http://127\\.0\\.0\\.1:(\\d+) "
                    + "ops=http://127\\.0\\.0\\.1:(\\d+)");

    /** What a stop took and how the process ended. */
    record Stop(int exitCode, Duration took, boolean forced) {
    }

    private final Process process;
    private final Path log;
    private final long launchedAt;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private volatile Stop stop;
    private int tencentPort;
    private int huaweiPort;
    private int opsPort;
    private Duration startup;

    private KeyportProcess(Process process, Path log, long launchedAt) {
        this.process = process;
        this.log = log;
        this.launchedAt = launchedAt;
        Thread reader = new Thread(this::readStdout, "keyport-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Launches the jar; {@link #awaitReady} waits for its ready line.
     *
     * @param env the KEYPORT_* settings beyond the ports and rate limits (data folder, database, seed)
     */
    static KeyportProcess launch(Path jar, List<String> jvmArgs, Map<String, String> env, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("KEYPORT_"));
        builder.environment().putAll(Map.of(
                "KEYPORT_TENCENT_PORT", "0", "KEYPORT_HUAWEI_PORT", "0", "KEYPORT_OPS_PORT", "0",
                "KEYPORT_TENCENT_RATE", "1000000", "KEYPORT_TENCENT_CRYPTO_RATE", "1000000",
                "KEYPORT_HUAWEI_RATE", "1000000"));
        builder.environment().putAll(env);
        long launchedAt = System.nanoTime();
        return new KeyportProcess(builder.start(), log, launchedAt);
    }

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!ready.isDone() && line.startsWith("keyport ready")) {
                    ready.complete(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException("keyport exited (code "
                + exitCodeOrUnknown() + ") before its ready line; its log ends with:\n" + logTail(20)));
    }

    private String exitCodeOrUnknown() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /**
     * Waits up to {@code timeout} for the ready line.
     *
     * @return false when it did not come in time (the process still runs)
     */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        String line;
        try {
            line = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
        startup = Duration.ofNanos(System.nanoTime() - launchedAt);
        Matcher ports = READY.matcher(line);
        if (!ports.find()) {
            throw new IllegalStateException("unexpected ready line: " + line);
        }
        tencentPort = Integer.parseInt(ports.group(1));
        huaweiPort = Integer.parseInt(ports.group(2));
        opsPort = Integer.parseInt(ports.group(3));
        return true;
    }

    long pid() {
        return process.pid();
    }

    int tencentPort() {
        return tencentPort;
    }

    int huaweiPort() {
        return huaweiPort;
    }

    int opsPort() {
        return opsPort;
    }

    /** From the launch to the ready line. */
    Duration startup() {
        return startup;
    }

    /** From the launch until now. */
    Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - launchedAt);
    }

    Path log() {
        return log;
    }

    /** SIGTERM, then waits for the exit (SIGKILL after a minute). */
    Stop stop() throws InterruptedException {
        if (stop != null) {
            return stop;
        }
        long start = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        stop = new Stop(process.isAlive() ? -1 : process.exitValue(), Duration.ofNanos(System.nanoTime() - start),
                !exited);
        return stop;
    }

    /** SIGKILL, for a start that did not finish within its budget. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        stop = new Stop(process.isAlive() ? -1 : process.exitValue(), Duration.ZERO, true);
    }

    Optional<Stop> stopped() {
        return Optional.ofNullable(stop);
    }

    String logTail(int lines) {
        return ServerLog.tail(log, lines);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
