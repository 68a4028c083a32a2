package dev.keyport.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * local-kms (nsmithuk/local-kms, Go, LevelDB), the peer Keyport is measured against: built from the source beside
 * {@code shared/peers} when there is no binary, and run as a child process on a free loopback port (it listens on
 * every address; the benchmark sends only to 127.0.0.1).
 */
final class LocalKmsProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dataFolder;

    private LocalKmsProcess(Process process, int port, Path dataFolder) {
        this.process = process;
        this.port = port;
        this.dataFolder = dataFolder;
    }

    /**
     * The binary at {@code binary}; when it is missing and {@code mayBuild}, builds it first with
     * {@code ../shared/peers/build-local-kms.sh target/peers/local-kms} from the project root.
     */
    static Path binary(Path binary, boolean mayBuild, Path projectRoot, Path buildLog)
            throws IOException, InterruptedException {
        if (Files.isExecutable(binary) || !mayBuild) {
            return binary;
        }
        Path script = projectRoot.resolve("../shared/peers/build-local-kms.sh").normalize();
        if (!Files.exists(script)) {
            throw new IOException("no local-kms at " + binary + " and no build script at " + script);
        }
        Process build = new ProcessBuilder(List.of("bash", script.toString(), "target/peers/local-kms"))
                .directory(projectRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(buildLog.toFile()).start();
        if (!build.waitFor(10, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new IOException("building local-kms took more than 10 minutes");
        }
        if (build.exitValue() != 0 || !Files.isExecutable(binary)) {
            throw new IOException("building local-kms failed (exit " + build.exitValue() + "): "
                    + ServerLog.tail(buildLog, 5));
        }
        return binary;
    }

    static LocalKmsProcess start(Path binary, Path dataFolder, Path log) throws IOException, InterruptedException {
        Files.createDirectories(dataFolder);
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(binary.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("KMS_DATA_PATH", dataFolder.toString());
        builder.environment().put("KMS_SEED_PATH", dataFolder.resolve("none.yaml").toString());
        LocalKmsProcess started = new LocalKmsProcess(builder.start(), port, dataFolder);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!started.accepts()) {
            if (!started.process.isAlive()) {
                throw new IOException("local-kms exited (code " + started.process.exitValue() + "): "
                        + ServerLog.tail(log, 5));
            }
            if (System.nanoTime() > deadline) {
                started.close();
                throw new IOException("local-kms did not listen on port " + port + " within 30 s");
            }
            Thread.sleep(50);
        }
        return started;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path dataFolder() {
        return dataFolder;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
