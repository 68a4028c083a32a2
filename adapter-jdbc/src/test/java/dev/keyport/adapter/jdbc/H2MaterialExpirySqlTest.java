package dev.keyport.adapter.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link MaterialExpirySqlContract} on H2. */
class H2MaterialExpirySqlTest extends MaterialExpirySqlContract {

    @TempDir
    Path directory;

    @Override
    JdbcStoreConfig database() {
        return TestDatabases.freshH2(directory);
    }
}
