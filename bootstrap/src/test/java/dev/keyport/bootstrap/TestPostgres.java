package dev.keyport.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * One real PostgreSQL server for the tests of this JVM (started on first use, stopped with the JVM), and a new, empty
 * database in it for each caller. Durability is not what these tests are about, so commits do not wait for the disk.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A database of its own: its JDBC URL and the user that owns it. */
    public record Database(String url, String user) {

        /** The server settings that put Keyport's store in this database. */
        public Map<String, String> settings(String masterKey) {
            return Map.of("KEYPORT_DB_URL", url, "KEYPORT_DB_USER", user, "KEYPORT_MASTER_KEY", masterKey);
        }
    }

    public static synchronized Database freshDatabase() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        String name = "keyport_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new Database(server.getJdbcUrl("postgres", name), "postgres");
    }
}
