package dev.keyport.bootstrap;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar keyport.jar}: starts Keyport from the environment, prints one ready line, and on SIGTERM (or
 * SIGINT) stops accepting, lets requests in flight finish, closes the pool and exits 0. A bad setting stops the
 * start with one line that names it, and exit code 2.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        KeyportServer server;
        try {
            server = start(System.getenv(), System.out, System.err);
        } catch (BadSettingException e) {
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            server.close();
            stopped.countDown();
        };
        if (!onSignal("TERM", stop) | !onSignal("INT", stop)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "keyport-shutdown"));
        }
        stopped.await();
        System.exit(0);
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
