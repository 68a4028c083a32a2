package dev.keyport.adapter.jdbc;

/** {@link MaterialExpirySqlContract} on PostgreSQL. */
class PostgresMaterialExpirySqlTest extends MaterialExpirySqlContract {

    @Override
    JdbcStoreConfig database() {
        return TestDatabases.freshPostgres();
    }
}
