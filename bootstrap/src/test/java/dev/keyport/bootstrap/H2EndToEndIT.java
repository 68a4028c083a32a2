package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server on its embedded defaults: H2 files and a master key generated into the data folder. */
class H2EndToEndIT extends EndToEndContract {

    @Override
    Map<String, String> storeSettings() {
        return Map.of();
    }

    @Test
    void theMasterKeyIsGeneratedIntoTheDataFolderReadableByItsOwnerOnly() throws Exception {
        start().stop(java.time.Duration.ofSeconds(5));
        var file = directory.resolve("data").resolve(MasterKeys.FILE);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.exists(directory.resolve("data").resolve("keyport.mv.db"))).isTrue();
    }

    @Test
    void theMetricsCountTheGroupCommitsThatMadeTheChangesDurable() throws Exception {
        KeyportServer server = start();
        try {
            VendorClients clients = new VendorClients(server);
            clients.tencentCreateExternal("flushed-1");
            clients.tencentCreateExternal("flushed-2");
            String metrics = get(server.opsUrl() + "/metrics");
            assertThat(counter(metrics, "keyport_store_flushes_total")).isGreaterThanOrEqualTo(1);
            assertThat(counter(metrics, "keyport_store_flushed_transactions_total")).isGreaterThanOrEqualTo(2)
                    .isGreaterThanOrEqualTo(counter(metrics, "keyport_store_flushes_total"));
        } finally {
            server.stop(java.time.Duration.ofSeconds(5));
        }
    }

    private static double counter(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ")).mapToDouble(line -> Double.parseDouble(
                line.substring(name.length() + 1).strip())).findFirst().orElseThrow(() -> new AssertionError(name));
    }
}
