package dev.keyport.bootstrap;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code java -jar keyport.jar [serve | healthcheck | gen-master-key | rotate-master-key]}: see {@link Cli}. Serving
 * prints one ready line, and on SIGTERM (or SIGINT) stops accepting, lets requests in flight finish, closes the pool
 * and exits 0 — the signal handlers are in place before the server starts, so a signal at any moment after the ready
 * line is a graceful stop. A bad setting stops the start with one line that names it, and exit code 2.
 */
public final class Main {

    /** Exit code of a bad setting. */
    static final int BAD_SETTING = 2;

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        try {
            Logging.configure(env);
        } catch (BadSettingException e) {
            System.err.println("keyport: " + e.getMessage());
            System.exit(BAD_SETTING);
            return;
        }
        System.exit(run(args, env, System.out, System.err));
    }

    /** Runs one command line; returns its exit code (for {@code serve}, once the server has stopped). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine commandLine = Cli.commandLine(env, out, err);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return commandLine.execute(args);
    }

    /**
     * Serves until SIGTERM or SIGINT. The handlers are installed first: a signal that arrives while the server is
     * starting stops it as soon as it has started, and one that arrives after the ready line drains it.
     */
    static int serve(Map<String, String> env, PrintStream out, PrintStream err) {
        CompletableFuture<KeyportServer> started = new CompletableFuture<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            try {
                started.join().close();
            } catch (CompletionException failedToStart) {
                return; // the start failed and said why; serve returns its exit code
            }
            stopped.countDown();
        };
        if (!onSignal("TERM", stop) | !onSignal("INT", stop)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "keyport-shutdown"));
        }
        try {
            started.complete(start(env, out, err));
        } catch (BadSettingException e) {
            started.completeExceptionally(e);
            return BAD_SETTING;
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            throw e;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Starts the server; on a bad setting prints its one line to {@code err} and rethrows. */
    static KeyportServer start(Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            KeyportServer server = KeyportServer.start(Settings.fromEnvironment(env));
            out.println(server.readyLine());
            out.flush();
            return server;
        } catch (BadSettingException e) {
            err.println("keyport: " + e.getMessage());
            err.flush();
            throw e;
        }
    }

    /** Handles a signal ourselves, so that a graceful stop exits 0 rather than 128+signal. */
    private static boolean onSignal(String name, Runnable stop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> new Thread(stop, "keyport-" + name).start());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LoggerFactory.getLogger(Main.class).warn("cannot handle SIG{}; stopping on JVM shutdown instead", name);
            return false;
        }
    }
}
