package dev.keyport.adapter.jdbc;

import java.util.List;

/** The store on a real PostgreSQL server: the production store. */
class PostgresStoreIT extends JdbcStoreContract {

    private JdbcStoreConfig database;

    @Override
    JdbcStoreConfig database() {
        if (database == null) {
            database = TestDatabases.freshPostgres();
        }
        return database;
    }

    @Override
    List<String> scanForSecrets(JdbcStore store, byte[] secret) throws Exception {
        return rowsContaining(store, secret);
    }
}
