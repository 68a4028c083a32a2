package dev.keyport.bootstrap.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A tenant's keys as the server's database holds them, read over a connection of the test's own. Checked after every
 * request: a summary that any write moves, the number of keys and the sum of their versions. Every save of a key
 * raises its version (JdbcKeyRepository updates the row at its version, and writes material, bindings and grants only
 * in that save), so a change of state, material, expiry, deletion date, binding or grant moves the sum. When it moved,
 * the versions tell which keys changed, and each key can be read whole: state, material (presence, row and keyed
 * fingerprint), expiry, deletion date, bindings, grants. The audit log is left out on purpose: it records refusals by
 * design.
 */
final class StoreFingerprint implements AutoCloseable {

    /** What any write changes: the number of keys, and the sum of their versions. */
    record Summary(long keys, long versions) {

        String difference(Summary later) {
            List<String> parts = new ArrayList<>();
            if (keys != later.keys) {
                parts.add("keys " + keys + " -> " + later.keys);
            }
            if (versions != later.versions) {
                parts.add("sum of key versions " + versions + " -> " + later.versions);
            }
            return String.join(", ", parts);
        }
    }

    /** One key as stored; bindings and grants sorted. */
    record Key(String keyId, long version, String state, String origin, boolean hasMaterial, int materialRows,
               String materialFingerprint, Long materialExpiresAt, Long deletionDate, List<String> bindings,
               List<String> grants) {

        String describe() {
            return state + (hasMaterial ? ", material" : ", no material") + (materialRows > 0 ? " (row)" : "")
                    + (materialExpiresAt != null ? ", expires " + materialExpiresAt : "")
                    + (deletionDate != null ? ", deletion " + deletionDate : "")
                    + (bindings.isEmpty() ? "" : ", " + bindings.size() + " bindings")
                    + (grants.isEmpty() ? "" : ", " + grants.size() + " grants");
        }
    }

    private static final String SUMMARY = "SELECT COUNT(*), COALESCE(SUM(version), 0) FROM cmk WHERE tenant_id = ?";
    private static final String GRANTS_ISSUED = """
            SELECT COUNT(*) FROM import_grant g JOIN cmk c ON c.key_id = g.key_id WHERE c.tenant_id = ?""";
    private static final String VERSIONS = "SELECT key_id, version FROM cmk WHERE tenant_id = ?";
    private static final String KEY = """
            SELECT c.version, c.state, c.origin, c.has_material, c.fingerprint_mac, c.material_expires_at,
                   c.deletion_date, (SELECT COUNT(*) FROM cmk_material m WHERE m.key_id = c.key_id) AS material_rows
            FROM cmk c WHERE c.tenant_id = ? AND c.key_id = ?""";
    private static final String BINDINGS = "SELECT product_id, resource_id FROM cmk_binding WHERE key_id = ?";
    private static final String GRANTS = "SELECT grant_id, expires_at FROM import_grant WHERE key_id = ?";

    private final Connection connection;
    private final String tenant;
    private final PreparedStatement summary;

    StoreFingerprint(String jdbcUrl, String user, String password, String tenant) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.connection.setAutoCommit(true);
        this.tenant = tenant;
        this.summary = connection.prepareStatement(SUMMARY);
        summary.setString(1, tenant);
    }

    Summary summary() {
        try (ResultSet row = summary.executeQuery()) {
            row.next();
            return new Summary(row.getLong(1), row.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** The import grants the tenant's keys hold (each issued one RSA wrapping key). */
    long grants() {
        try (PreparedStatement statement = connection.prepareStatement(GRANTS_ISSUED)) {
            statement.setString(1, tenant);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
    }

    Map<String, Long> versions() {
        Map<String, Long> versions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(VERSIONS)) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** Keys added, removed or saved between two readings of {@link #versions()}. */
    static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        ids.removeIf(id -> java.util.Objects.equals(before.get(id), after.get(id)));
        return List.copyOf(ids);
    }

    /** The key whole, or null when the tenant has no such key. */
    Key key(String keyId) {
        try {
            List<String> bindings = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(BINDINGS)) {
                statement.setString(1, keyId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        bindings.add(rows.getString(1) + "\u0001" + rows.getString(2));
                    }
                }
            }
            List<String> grants = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(GRANTS)) {
                statement.setString(1, keyId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        grants.add(rows.getString(1) + "@" + rows.getLong(2));
                    }
                }
            }
            bindings.sort(null);
            grants.sort(null);
            try (PreparedStatement statement = connection.prepareStatement(KEY)) {
                statement.setString(1, tenant);
                statement.setString(2, keyId);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    byte[] mac = row.getBytes("fingerprint_mac");
                    long expiry = row.getLong("material_expires_at");
                    Long expiresAt = row.wasNull() ? null : expiry;
                    long deletion = row.getLong("deletion_date");
                    Long deletionDate = row.wasNull() ? null : deletion;
                    return new Key(keyId, row.getLong("version"), row.getString("state"), row.getString("origin"),
                            row.getBoolean("has_material"), row.getInt("material_rows"),
                            mac == null ? null : HexFormat.of().formatHex(mac), expiresAt, deletionDate,
                            List.copyOf(bindings), List.copyOf(grants));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        summary.close();
        connection.close();
    }
}
