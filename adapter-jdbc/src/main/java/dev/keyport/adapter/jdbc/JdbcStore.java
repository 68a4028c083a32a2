package dev.keyport.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyport.application.port.out.AuditSink;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.TransactionBoundary;
import java.security.SecureRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * The persistence adapter: a HikariCP pool, the schema migrated by Flyway on open, and Jdbi behind the application's
 * repository, audit and transaction ports. Several Keyport servers may share one PostgreSQL store.
 */
public final class JdbcStore implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final JdbiTransactions transactions;
    private final JdbcKeyRepository keys;
    private final JdbcAuditSink audit;
    private final int migrationsApplied;
    private final String schemaVersion;

    private JdbcStore(JdbcStoreConfig config, SecureRandom random) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        hikari.setPoolName("keyport");
        hikari.setAutoCommit(true);
        this.dataSource = new HikariDataSource(hikari);
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load();
            MigrateResult migration = flyway.migrate();
            this.migrationsApplied = migration.migrationsExecuted;
            this.schemaVersion = flyway.info().current().getVersion().getVersion();
            Jdbi jdbi = Jdbi.create(dataSource);
            this.transactions = new JdbiTransactions(jdbi);
            Sealer sealer = new Sealer(config.masterKey(), random);
            this.keys = new JdbcKeyRepository(transactions, sealer);
            this.audit = new JdbcAuditSink(transactions);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Opens the pool and migrates the schema to the current version. */
    public static JdbcStore open(JdbcStoreConfig config, SecureRandom random) {
        return new JdbcStore(config, random);
    }

    public KeyRepository keys() {
        return keys;
    }

    public AuditSink audit() {
        return audit;
    }

    public TransactionBoundary transactions() {
        return transactions;
    }

    /** For operations: readiness checks and pool metrics. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The schema version after opening, and how many migrations opening applied. */
    public String schemaVersion() {
        return schemaVersion;
    }

    public int migrationsApplied() {
        return migrationsApplied;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
