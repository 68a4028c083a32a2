package dev.keyport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file stays near the size of its live data under a stream of small commits: without compaction each change
 * left tens of kilobytes behind (the file of 100 keys, 0.8 MB after setup, grew past 20 MB in 4,000 changes).
 */
class H2CompactionTest {

    @TempDir
    Path directory;

    @Test
    void manySmallChangesDoNotGrowTheFileBeyondItsLiveData() throws Exception {
        Caller caller = Caller.embedded(KeyScope.of("compact", "ap-guangzhou"), "test")
                .withPolicy(LifecyclePolicy.TENCENT);
        Path file = directory.resolve("keyport.mv.db");
        long afterSetup;
        try (JdbcStore store = JdbcStore.open(TestDatabases.freshH2(directory), TestDatabases.RANDOM)) {
            Keyport keyport = Keyport.builder().clock(Clock.systemUTC()).storage(store).build();
            List<KeyId> keys = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                keys.add(keyport.createKey(new CreateKeyCommand(caller, Alias.of("k-" + i), Description.NONE,
                        KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id());
            }
            H2Compaction compaction = store.compaction().orElseThrow();
            compaction.compactOnce();
            afterSetup = Files.size(file);
            for (int round = 0; round < 20; round++) {
                for (KeyId id : keys) {
                    keyport.disableKey(new DisableKeyCommand(caller, id));
                    keyport.enableKey(new EnableKeyCommand(caller, id));
                }
                for (int step = 0; step < 10; step++) {
                    compaction.compactOnce();
                }
            }
            long running = Files.size(file);
            // 4,100 audit rows of a few hundred bytes each are live data too
            assertThat(running).as("after 4,000 changes, %d bytes after setup", afterSetup)
                    .isLessThan(afterSetup + 8L * 1024 * 1024);
        }
        assertThat(Files.size(file)).as("after closing").isLessThan(afterSetup + 8L * 1024 * 1024);
    }
}
