package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Run in a child JVM by {@link H2DurabilityIT}: several threads create keys on an H2 store for ever, and disable each
 * one they created, printing {@code ACK <id>} once a creation and {@code DISABLED <id>} once a disabling has been
 * acknowledged (the use case returned), until the parent kills it. Concurrent writers make the group commit write
 * several transactions at once.
 */
public final class DurabilityChild {

    static final int THREADS = 8;

    private DurabilityChild() {
    }

    public static void main(String[] args) {
        JdbcStore store = JdbcStore.open(JdbcStoreConfig.h2(Path.of(args[0]), MasterKey.fromBase64(args[1])),
                new SecureRandom());
        Keyport keyport = Keyport.builder().clock(Clock.systemUTC()).storage(store).build();
        Caller caller = Caller.embedded(KeyScope.of("durable", "ap-guangzhou"), "child")
                .withPolicy(LifecyclePolicy.TENCENT);
        PrintStream out = System.out;
        out.println("READY");
        out.flush();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            new Thread(() -> {
                for (int i = 0; ; i++) {
                    KeyId id = keyport.createKey(new CreateKeyCommand(caller, Alias.of("durable-" + thread + "-" + i),
                            Description.NONE, KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
                    acknowledge(out, "ACK " + id);
                    keyport.disableKey(new DisableKeyCommand(caller, id));
                    acknowledge(out, "DISABLED " + id);
                }
            }, "writer-" + t).start();
        }
    }

    private static void acknowledge(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
