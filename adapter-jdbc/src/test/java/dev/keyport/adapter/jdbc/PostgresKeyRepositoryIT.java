package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.KeyRepositoryContract;
import dev.keyport.application.port.out.TransactionBoundary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract on a real PostgreSQL server. */
class PostgresKeyRepositoryIT extends KeyRepositoryContract {

    private static JdbcStore store;

    @BeforeAll
    static void open() {
        store = JdbcStore.open(TestDatabases.freshPostgres(), TestDatabases.RANDOM);
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
