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
}
