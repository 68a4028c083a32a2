package dev.keyport.adapter.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Fresh, empty databases for tests: H2 in a folder, or a new database in one real PostgreSQL server per run. */
final class TestDatabases {

    static final SecureRandom RANDOM = new SecureRandom();
    static final MasterKey MASTER_KEY = MasterKey.generate(RANDOM);

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    static JdbcStoreConfig freshH2(Path directory) {
        return JdbcStoreConfig.h2(directory, MASTER_KEY);
    }

    /** A new, empty database in the shared embedded PostgreSQL server (started on first use). */
    static synchronized JdbcStoreConfig freshPostgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        String database = "keyport_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return new JdbcStoreConfig(postgres.getJdbcUrl("postgres", database), "postgres", "", MASTER_KEY, 8);
    }
}
