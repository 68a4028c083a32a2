package dev.keyport.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyport.application.port.out.AuditSink;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.TransactionBoundary;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
            checkMasterKey(jdbi, sealer);
            this.keys = new JdbcKeyRepository(transactions, sealer);
            this.audit = new JdbcAuditSink(transactions);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static final String CHECK = "master-key-check";
    private static final byte[] CHECK_VALUE = "keyport master key check".getBytes(StandardCharsets.US_ASCII);

    /** Seals a known value on first open; on every later open, the master key must open it. */
    private static void checkMasterKey(Jdbi jdbi, Sealer sealer) {
        jdbi.useTransaction(h -> {
            Optional<byte[]> sealed = h.createQuery("SELECT sealed FROM keyport_meta WHERE name = :name")
                    .bind("name", CHECK).mapTo(byte[].class).findOne();
            if (sealed.isEmpty()) {
                h.createUpdate("INSERT INTO keyport_meta (name, sealed) VALUES (:name, :sealed)")
                        .bind("name", CHECK).bind("sealed", sealer.seal(CHECK_VALUE, "keyport_meta.sealed", CHECK))
                        .execute();
                return;
            }
            try {
                if (!Arrays.equals(CHECK_VALUE, sealer.open(sealed.get(), "keyport_meta.sealed", CHECK))) {
                    throw new WrongMasterKeyException();
                }
            } catch (Sealer.SealedValueException e) {
                throw new WrongMasterKeyException();
            }
        });
    }

    /** The master key given is not the one this database's secrets were sealed with. */
    public static final class WrongMasterKeyException extends IllegalStateException {
        WrongMasterKeyException() {
            super("the master key does not open this database's secrets: it is not the key they were sealed with");
        }
    }

    /** Whether the database answers, for a readiness check. */
    public boolean isReady() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** How many keys are stored in each state (as stored: an expiry not yet swept still counts as Enabled). */
    public Map<String, Long> keysByState() {
        return transactions.jdbi().withHandle(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM cmk GROUP BY state")
                .reduceRows(new TreeMap<String, Long>(), (counts, row) -> {
                    counts.put(row.getColumn("state", String.class), row.getColumn("n", Long.class));
                    return counts;
                }));
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
