package dev.keyport.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the benchmark started or made (child processes, PostgreSQL, temporary folders), undone in reverse order
 * when the run ends — normally, by an exception, or by the JVM's shutdown hook when Maven or the user stops it.
 */
final class Cleanup implements AutoCloseable {

    private final Deque<AutoCloseable> undo = new ArrayDeque<>();
    private final Thread hook = new Thread(this::runAll, "bench-cleanup");

    Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers {@code resource} to be closed at the end; returns it. */
    synchronized <T extends AutoCloseable> T add(T resource) {
        undo.push(resource);
        return resource;
    }

    /** Closes {@code resource} now (if still registered) and forgets it. */
    void closeNow(AutoCloseable resource) {
        synchronized (this) {
            if (!undo.remove(resource)) {
                return;
            }
        }
        closeQuietly(resource);
    }

    /** A temporary folder under java.io.tmpdir, deleted at the end. */
    Path tempFolder(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        add(() -> deleteTree(folder));
        return folder;
    }

    private void runAll() {
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                next = undo.poll();
            }
            if (next == null) {
                return;
            }
            closeQuietly(next);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("bench: cleanup: " + e);
        }
    }

    @Override
    public void close() {
        runAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running this
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
