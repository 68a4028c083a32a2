package dev.keyport.adapter.jdbc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how to connect.
 *
 * @param jdbcUrl         {@code jdbc:h2:file:…} (the embedded default) or {@code jdbc:postgresql://…}
 * @param maximumPoolSize connections in the pool
 */
public record JdbcStoreConfig(String jdbcUrl, String user, String password, MasterKey masterKey,
                              int maximumPoolSize) {

    public JdbcStoreConfig {
        Objects.requireNonNull(jdbcUrl, "JDBC URL");
        Objects.requireNonNull(masterKey, "master key");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the JDBC URL must be an H2 or a PostgreSQL URL");
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("the pool has at least one connection");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * An H2 database in files under {@code directory}. Every commit is written to the file before it is
     * acknowledged ({@code WRITE_DELAY=0}), so a killed process loses nothing it acknowledged.
     */
    public static JdbcStoreConfig h2(Path directory, MasterKey masterKey) {
        String path = directory.toAbsolutePath().resolve("keyport").toString();
        return new JdbcStoreConfig("jdbc:h2:file:" + path + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "keyport", "",
                masterKey, 8);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "JdbcStoreConfig[" + jdbcUrl + ", user " + user + ", password and master key redacted]";
    }
}
