package dev.keyport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change acknowledged to the caller survives the process being killed: a child JVM's writers create and disable keys
 * on H2 at once and print each acknowledged change; the test kills it with SIGKILL mid-stream and finds every
 * acknowledged key, and every acknowledged disabling.
 */
class H2DurabilityIT {

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedKeySurvivesAKill() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), directory.toString(), TestDatabases.MASTER_KEY.toBase64())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<KeyId> acknowledged = new ArrayList<>();
        List<KeyId> disabled = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && acknowledged.size() < 400) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(KeyId.of(line.substring(4)));
                } else if (line.startsWith("DISABLED ")) {
                    disabled.add(KeyId.of(line.substring(9)));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).hasSize(400);
        assertThat(disabled).hasSizeGreaterThan(300);

        try (JdbcStore store = JdbcStore.open(TestDatabases.freshH2(directory), TestDatabases.RANDOM)) {
            KeyScope scope = KeyScope.of("durable", "ap-guangzhou");
            for (KeyId id : acknowledged) {
                assertThat(store.transactions().inTransaction(() -> store.keys().find(scope, id)))
                        .as("acknowledged key %s", id).isPresent();
            }
            for (KeyId id : disabled) {
                assertThat(store.transactions().inTransaction(() -> store.keys().find(scope, id)).orElseThrow()
                        .state()).as("acknowledged disabling of %s", id).isEqualTo(KeyState.DISABLED);
            }
        }
    }
}
