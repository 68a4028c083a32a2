package dev.keyport.adapter.jdbc;

/** {@link MaterialExpirySqlContract} on PostgreSQL. */
class PostgresMaterialExpirySqlIT extends MaterialExpirySqlContract {

    @Override
    JdbcStoreConfig database() {
        return TestDatabases.freshPostgres();
    }
}
