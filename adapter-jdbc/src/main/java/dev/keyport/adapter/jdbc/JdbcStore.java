package dev.keyport.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keyport.application.port.out.AuditSink;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.KeyStorage;
import dev.keyport.application.port.out.StoreUnavailableException;
import dev.keyport.application.port.out.TransactionBoundary;
import dev.keyport.domain.KeyState;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * The persistence adapter: a HikariCP pool, the schema migrated by Flyway on open, and Jdbi behind the application's
 * repository, audit and transaction ports. Several Keyport servers may share one PostgreSQL store.
 */
public final class JdbcStore implements KeyStorage, AutoCloseable {

    private final HikariDataSource dataSource;
    private final Optional<H2Compaction> compaction;
    private final JdbiTransactions transactions;
    private final JdbcKeyRepository keys;
    private final JdbcAuditSink audit;
    private final Sealer sealer;
    private final int migrationsApplied;
    private final String schemaVersion;

    private JdbcStore(JdbcStoreConfig config, Sealer sealer) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        hikari.setPoolName("keyport");
        hikari.setAutoCommit(true);
        // every connection is REPEATABLE READ from the start (JdbiTransactions): setting the level per transaction
        // would cost statements (on PostgreSQL, round trips) before, after and on return to the pool
        hikari.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        // a database that is down fails a request within the connection timeout, never Hikari's default 30 s
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setValidationTimeout(Math.max(250, Math.min(1000, config.connectionTimeout().toMillis() / 2)));
        if (config.isPostgres()) {
            long connectSeconds = Math.max(1, (config.connectionTimeout().toMillis() + 999) / 1000);
            hikari.addDataSourceProperty("connectTimeout", connectSeconds);
            hikari.addDataSourceProperty("loginTimeout", connectSeconds);
            hikari.addDataSourceProperty("socketTimeout", config.queryTimeout().toSeconds());
        }
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
            this.transactions = new JdbiTransactions(jdbi, config.isPostgres() ? Optional.empty()
                    : H2Flush.of(dataSource, config.fsync()).map(GroupCommit::new));
            this.sealer = sealer;
            checkMasterKey(transactions, sealer);
            this.keys = new JdbcKeyRepository(transactions, sealer);
            this.audit = new JdbcAuditSink(transactions);
            this.compaction = transactions.groupCommit().map(h2 -> H2Compaction.start(dataSource));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    static final String CHECK = "master-key-check";
    static final String CHECK_COLUMN = "keyport_meta.sealed";
    private static final byte[] CHECK_VALUE = "keyport master key check".getBytes(StandardCharsets.US_ASCII);

    /** Seals a known value on first open; on every later open, the master key must open it. */
    private static void checkMasterKey(JdbiTransactions transactions, Sealer sealer) {
        transactions.write(h -> {
            Optional<byte[]> sealed = h.createQuery("SELECT sealed FROM keyport_meta WHERE name = :name")
                    .bind("name", CHECK).mapTo(byte[].class).findOne();
            if (sealed.isEmpty()) {
                h.createUpdate("INSERT INTO keyport_meta (name, sealed) VALUES (:name, :sealed)")
                        .bind("name", CHECK).bind("sealed", sealer.seal(CHECK_VALUE, CHECK_COLUMN, CHECK))
                        .execute();
                return;
            }
            try {
                if (!Arrays.equals(CHECK_VALUE, sealer.open(sealed.get(), CHECK_COLUMN, CHECK))) {
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

    /**
     * Whether the database answers, for a readiness check: waits at most the pool's connection timeout for a
     * connection, and one second for its answer.
     */
    public boolean isReady() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * How many keys there are in each state as of {@code now}, as every read sees them: material past its expiry
     * counts as PendingImport, and a key past its deletion date is not counted, before any sweep has run.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    public Map<KeyState, Long> keysByState(Instant now) {
        try {
            return transactions.jdbi().withHandle(h -> h.createQuery("""
                            SELECT effective_state, COUNT(*) AS n
                            FROM (SELECT %s AS effective_state FROM cmk WHERE %s) k
                            GROUP BY effective_state""".formatted(MaterialExpirySql.EFFECTIVE_STATE,
                            KeyListQuery.NOT_PAST_DELETION))
                    .bind("now", now.toEpochMilli())
                    .reduceRows(new EnumMap<KeyState, Long>(KeyState.class), (counts, row) -> {
                        counts.put(KeyState.valueOf(row.getColumn("effective_state", String.class)),
                                row.getColumn("n", Long.class));
                        return counts;
                    }));
        } catch (RuntimeException e) {
            throw JdbiTransactions.unavailableOr(e);
        }
    }

    /**
     * Re-seals every secret of the store under {@code newKey}, in one transaction: the material of every key, the
     * private key of every outstanding import grant, and the master-key check. The store must have been opened with
     * the current key; afterwards only {@code newKey} opens it. Stop every server that shares the database first.
     *
     * @return how many sealed values were re-sealed
     */
    public long rotateMasterKey(MasterKey newKey, SecureRandom random) {
        long resealed = MasterKeyRotation.rotate(transactions.jdbi(), sealer, new Sealer(newKey, random));
        transactions.awaitDurable();
        return resealed;
    }

    /** Opens the pool and migrates the schema to the current version. */
    public static JdbcStore open(JdbcStoreConfig config, SecureRandom random) {
        return new JdbcStore(config, new Sealer(config.masterKey(), random));
    }

    /** Opens the store with a sealer of the caller's (one under the configured master key): tests count its use. */
    static JdbcStore open(JdbcStoreConfig config, Sealer sealer) {
        return new JdbcStore(config, sealer);
    }

    @Override
    public KeyRepository keys() {
        return keys;
    }

    @Override
    public AuditSink audit() {
        return audit;
    }

    @Override
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

    /**
     * The audit trail's retention: hands every audit row recorded before {@code cutoff} to {@code export}, a batch
     * of rows at a time in id order (each row as column name to value), and deletes the batch once the export has
     * returned, in the same transaction: a batch whose export throws stays in the table.
     *
     * @return how many rows were exported and deleted
     */
    public long exportAndPruneAudit(Instant cutoff, int batchSize, Consumer<List<Map<String, Object>>> export) {
        try {
            return new AuditRetention(transactions).prune(cutoff, batchSize, export::accept);
        } catch (RuntimeException e) {
            throw JdbiTransactions.unavailableOr(e);
        }
    }

    /**
     * H2's group commit, for metrics: how many flushes wrote commits to the file, and how many transactions they made
     * durable (all zero on PostgreSQL, whose commits are durable on their own).
     */
    public long groupFlushes() {
        return transactions.groupCommit().map(GroupCommit::flushes).orElse(0L);
    }

    /** The compaction of an H2 file store: tests step it themselves. */
    Optional<H2Compaction> compaction() {
        return compaction;
    }

    public long groupTransactions() {
        return transactions.groupCommit().map(GroupCommit::transactions).orElse(0L);
    }

    @Override
    public void close() {
        compaction.ifPresent(H2Compaction::close);
        dataSource.close();
    }
}
