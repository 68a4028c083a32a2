package dev.keyport.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an H2 data folder the server has left (stopped, or killed): each table's rows and the space H2 says it
 * takes ({@code DISK_SPACE_USED}), opened read-only where H2 allows it. It names no table: whatever the schema is,
 * it is listed.
 */
final class H2Tables {

    record Table(String name, long rows, long bytes) {
    }

    private H2Tables() {
    }

    static List<Table> read(Path dataFolder) throws SQLException {
        String base = "jdbc:h2:file:" + dataFolder.resolve("keyport").toAbsolutePath();
        try (Connection c = open(base)) {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                            + "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            List<Table> tables = new ArrayList<>();
            for (String name : names) {
                long rows;
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \""
                        + name.replace("\"", "\"\"") + "\"")) {
                    r.next();
                    rows = r.getLong(1);
                }
                long bytes;
                try (PreparedStatement p = c.prepareStatement("SELECT DISK_SPACE_USED(?)")) {
                    p.setString(1, "PUBLIC.\"" + name + "\"");
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        bytes = r.getLong(1);
                    }
                } catch (SQLException e) {
                    bytes = -1;
                }
                tables.add(new Table(name, rows, bytes));
            }
            return tables;
        }
    }

    /** The rows of the table named {@code name} (any case), or -1. */
    static long rows(List<Table> tables, String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).mapToLong(Table::rows).findFirst()
                .orElse(-1);
    }

    private static Connection open(String url) throws SQLException {
        try {
            return DriverManager.getConnection(url + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", "keyport", "");
        } catch (SQLException readOnlyRefused) { // e.g. a file left by a killed process, which needs recovery
            return DriverManager.getConnection(url + ";IFEXISTS=TRUE", "keyport", "");
        }
    }
}
