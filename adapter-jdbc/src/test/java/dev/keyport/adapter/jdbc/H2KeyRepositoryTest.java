package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.KeyRepositoryContract;
import dev.keyport.application.port.out.TransactionBoundary;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract on H2 in file mode. */
class H2KeyRepositoryTest extends KeyRepositoryContract {

    @TempDir
    static Path directory;
    private static JdbcStore store;

    @BeforeAll
    static void open() {
        store = JdbcStore.open(TestDatabases.freshH2(directory), TestDatabases.RANDOM);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected KeyRepository repository() {
        return store.keys();
    }

    @Override
    protected TransactionBoundary transactions() {
        return store.transactions();
    }
}
