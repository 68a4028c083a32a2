package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Run in a child JVM by {@link H2DurabilityIT}: creates keys on an H2 store for ever, printing each id once its
 * creation has been acknowledged (the use case returned), until the parent kills it.
 */
public final class DurabilityChild {

    private DurabilityChild() {
    }

    public static void main(String[] args) {
        JdbcStore store = JdbcStore.open(JdbcStoreConfig.h2(Path.of(args[0]), MasterKey.fromBase64(args[1])),
                new SecureRandom());
        Keyport keyport = Keyport.builder().clock(Clock.systemUTC()).storage(store).build();
        Caller caller = Caller.embedded(KeyScope.of("durable", "ap-guangzhou"), "child");
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; ; i++) {
            var key = keyport.createKey(new CreateKeyCommand(caller.withPolicy(LifecyclePolicy.TENCENT), Alias.of("durable-" + i), Description.NONE,
                    KeyUsage.ENCRYPT_DECRYPT, i % 2 == 0 ? Origin.KEYPORT : Origin.EXTERNAL));
            System.out.println("ACK " + key.id());
            System.out.flush();
        }
    }
}
