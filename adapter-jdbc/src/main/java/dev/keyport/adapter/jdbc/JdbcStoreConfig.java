package dev.keyport.adapter.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to connect.
 *
 * @param jdbcUrl           {@code jdbc:h2:file:…} (the embedded default) or {@code jdbc:postgresql://…}
 * @param maximumPoolSize   connections in the pool
 * @param connectionTimeout how long a unit of work waits for a connection before the store reports itself
 *                          unavailable (at least 250 ms, HikariCP's floor)
 * @param queryTimeout      PostgreSQL only: how long the driver waits for an answer on an open connection (its
 *                          {@code socketTimeout}), so that a database that stopped answering fails requests instead of
 *                          holding them
 * @param fsync             H2 only: every group of commits is also forced to the device ({@code fsync}) before it is
 *                          acknowledged, so that it survives a power loss or an operating-system crash, not only the
 *                          process being killed
 */
public record JdbcStoreConfig(String jdbcUrl, String user, String password, MasterKey masterKey,
                              int maximumPoolSize, Duration connectionTimeout, Duration queryTimeout, boolean fsync) {

    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

    public JdbcStoreConfig {
        Objects.requireNonNull(jdbcUrl, "JDBC URL");
        Objects.requireNonNull(masterKey, "master key");
        Objects.requireNonNull(connectionTimeout, "connection timeout");
        Objects.requireNonNull(queryTimeout, "query timeout");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the JDBC URL must be an H2 or a PostgreSQL URL");
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("the pool has at least one connection");
        }
        if (connectionTimeout.toMillis() < 250 || queryTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the connection timeout is at least 250 ms, the query timeout at least "
                    + "one second");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** With the default timeouts, and no fsync. */
    public JdbcStoreConfig(String jdbcUrl, String user, String password, MasterKey masterKey, int maximumPoolSize) {
        this(jdbcUrl, user, password, masterKey, maximumPoolSize, DEFAULT_CONNECTION_TIMEOUT, DEFAULT_QUERY_TIMEOUT,
                false);
    }

    /**
     * An H2 database in files under {@code directory}. A commit stays in memory until the store's group commit writes
     * it, with the commits of every other transaction that finished meanwhile, before it is acknowledged
     * ({@code WRITE_DELAY} only bounds how long H2 itself would wait); so a killed process loses nothing it
     * acknowledged. Space freed by a write is reused at once ({@code RETENTION_TIME=0}) and the store compacts the file
     * while it runs.
     */
    public static JdbcStoreConfig h2(Path directory, MasterKey masterKey) {
        String path = directory.toAbsolutePath().resolve("keyport").toString();
        // QUERY_CACHE_SIZE: each connection keeps the statements it prepared (H2's default, 8, is fewer than a
        // connection cycles through between loads, writes, audit records and listings).
        // ANALYZE_AUTO=0: H2 would otherwise scan a table at the commit that changed its 2,000th row, after the
        // transaction has ended and so outside any snapshot H2 keeps; with freed space reused at once
        // (RETENTION_TIME=0) and the store compacting, that scan can reach a chunk already freed and fails the
        // commit with "Chunk N not found" (H2 issue 4383; seen here about once in ten 20-second runs of eight
        // writers). Keyport's statements are key lookups and range scans on their indexes, which need no statistics.
        return new JdbcStoreConfig("jdbc:h2:file:" + path + ";WRITE_DELAY=60000;RETENTION_TIME=0;ANALYZE_AUTO=0"
                + ";QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE", "keyport", "", masterKey, 8);
    }

    public JdbcStoreConfig withPool(int size, Duration connectionTimeout, Duration queryTimeout) {
        return new JdbcStoreConfig(jdbcUrl, user, password, masterKey, size, connectionTimeout, queryTimeout, fsync);
    }

    public JdbcStoreConfig withMasterKey(MasterKey key) {
        return new JdbcStoreConfig(jdbcUrl, user, password, key, maximumPoolSize, connectionTimeout, queryTimeout,
                fsync);
    }

    /** H2: whether each group of commits is forced to the device before it is acknowledged. */
    public JdbcStoreConfig withFsync(boolean sync) {
        return new JdbcStoreConfig(jdbcUrl, user, password, masterKey, maximumPoolSize, connectionTimeout, queryTimeout,
                sync);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "JdbcStoreConfig[" + jdbcUrl + ", user " + user + (fsync ? ", fsync" : "")
                + ", password and master key redacted]";
    }
}
