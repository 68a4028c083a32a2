package dev.keyport.adapter.jdbc;

import dev.keyport.domain.Alias;
import dev.keyport.domain.AliasAlreadyExistsException;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.CmkSnapshot;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.Description;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.MaterialFingerprint;
import dev.keyport.domain.Origin;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;

/**
 * The {@code cmk} row of a key. Read with its children into a snapshot whose secrets are still sealed and rebuilt
 * through the aggregate's {@link Cmk#rehydrate}; written from the aggregate's accessors (never from a snapshot, which
 * would open them), and changed or deleted only at the version the key was loaded at.
 */
final class CmkRows {

    private final ChildRows children;
    private final SealedSecrets secrets;

    CmkRows(ChildRows children, SealedSecrets secrets) {
        this.children = children;
        this.secrets = secrets;
    }

    /** A loaded key, and what the database holds of it for a later save to diff against. */
    record Loaded(Cmk key, StoredKey stored) {
    }

    /**
     * The key row, its material and whether it has any binding or grant, in one statement; the bindings and grants
     * themselves are read only when there are some (most keys have none), so that loading a key is one round trip.
     * Columns are read by position, in the order of {@link #FIND}. Before reading children, {@code enteredTransaction}
     * is asked whether a transaction has only now begun (a read-only unit of work starts in autocommit): the row is
     * then read again inside it.
     */
    Optional<Loaded> find(Handle h, KeyScope scope, KeyId id, BooleanSupplier enteredTransaction) {
        // the one statement every request runs, in plain JDBC: Jdbi's binding and mapping cost as much as the query
        KeyRow row;
        try (PreparedStatement find = h.getConnection().prepareStatement(FIND)) {
            find.setString(1, id.value());
            find.setString(2, scope.tenant().value());
            find.setString(3, scope.region().value());
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                row = keyRow(rs);
            }
        } catch (SQLException e) {
            throw new StatementFailedException("reading key " + id.value(), e);
        }
        if ((row.anyBinding() || row.anyGrant()) && enteredTransaction.getAsBoolean()) {
            return find(h, scope, id, enteredTransaction); // the row again, in the snapshot its children are read in
        }
        Cmk key = Cmk.rehydrate(snapshot(h, row));
        return Optional.of(new Loaded(key, StoredKey.of(key, row.version())));
    }

    private static final String FIND = """
            SELECT c.key_id, c.tenant_id, c.region, c.alias, c.description, c.key_usage, c.origin, c.state,
                   c.created_at, c.has_material, m.sealed, c.material_expires_at, c.deletion_date,
                   c.fingerprint_salt, c.fingerprint_mac, c.version,
                   EXISTS (SELECT 1 FROM cmk_binding b WHERE b.key_id = c.key_id) AS any_binding,
                   EXISTS (SELECT 1 FROM import_grant g WHERE g.key_id = c.key_id) AS any_grant
            FROM cmk c LEFT JOIN cmk_material m ON m.key_id = c.key_id
            WHERE c.key_id = ? AND c.tenant_id = ? AND c.region = ?""";

    /** The columns of a key row, before its children are read; the material as stored, sealed. */
    private record KeyRow(KeyId id, KeyScope scope, Alias alias, Description description, KeyUsage usage,
                          Origin origin, KeyState state, Instant createdAt, boolean hasMaterial, byte[] sealedMaterial,
                          Instant materialExpiresAt, Instant deletionDate, MaterialFingerprint fingerprint,
                          long version, boolean anyBinding, boolean anyGrant) {
    }

    private static KeyRow keyRow(ResultSet rs) throws SQLException {
        byte[] salt = rs.getBytes(14);
        byte[] mac = rs.getBytes(15);
        return new KeyRow(KeyId.of(rs.getString(1)),
                new KeyScope(TenantId.of(rs.getString(2)), Region.of(rs.getString(3))),
                Alias.of(rs.getString(4)), Description.of(rs.getString(5)),
                KeyUsage.valueOf(rs.getString(6)), Origin.valueOf(rs.getString(7)),
                KeyState.valueOf(rs.getString(8)), Columns.instant(rs, 9),
                rs.getBoolean(10), rs.getBytes(11), Columns.instant(rs, 12),
                Columns.instant(rs, 13), salt == null ? null : MaterialFingerprint.restore(salt, mac),
                rs.getLong(16), rs.getBoolean(17), rs.getBoolean(18));
    }

    private CmkSnapshot snapshot(Handle h, KeyRow row) {
        String id = row.id().value();
        if (row.hasMaterial() && row.sealedMaterial() == null) {
            throw new IllegalStateException("key " + id + " has material, but no material row");
        }
        return new CmkSnapshot(row.id(), row.scope(), row.alias(), row.description(), row.usage(), row.origin(),
                row.createdAt(), row.state(), row.hasMaterial() ? secrets.material(id, row.sealedMaterial()) : null,
                row.fingerprint(), row.materialExpiresAt(), row.deletionDate(),
                row.anyBinding() ? children.bindings(h, id) : Set.of(),
                row.anyGrant() ? children.grants(h, id) : List.of(), row.version());
    }

    /** The row of a new key, at version 1; its values are bound by {@link #bindNew}. */
    static final String INSERT = """
            INSERT INTO cmk (key_id, tenant_id, region, alias, description, key_usage, origin, created_at,
                             state, has_material, material_expires_at, deletion_date, fingerprint_salt,
                             fingerprint_mac, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""";

    /** A new key's values, in the order of {@link #INSERT}: the one place a single insert and a batch bind them. */
    static void bindNew(PreparedStatement insert, Cmk key) throws SQLException {
        insert.setString(1, key.id().value());
        insert.setString(2, key.scope().tenant().value());
        insert.setString(3, key.scope().region().value());
        insert.setString(4, key.alias().value());
        insert.setString(5, key.description().value());
        insert.setString(6, key.usage().name());
        insert.setString(7, key.origin().name());
        insert.setLong(8, key.createdAt().toEpochMilli());
        setMutableColumns(insert, 9, key);
    }

    /** @throws AliasAlreadyExistsException when another key of the scope has the alias */
    void insert(Handle h, Cmk key) {
        try (PreparedStatement insert = h.getConnection().prepareStatement(INSERT)) {
            bindNew(insert, key);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (StoreExceptions.isUniqueViolation(e, "cmk_alias_unique")) {
                throw new AliasAlreadyExistsException(key.alias());
            }
            throw new StatementFailedException("inserting key " + key.id().value(), e);
        }
    }

    /**
     * @throws ConcurrentKeyChangeException when the row is no longer at the version {@code key} was loaded at
     * @throws AliasAlreadyExistsException  when its alias changed to one another key of the scope has
     */
    void update(Handle h, Cmk key) {
        int updated;
        try (PreparedStatement update = h.getConnection().prepareStatement("""
                UPDATE cmk SET state = ?, has_material = ?, material_expires_at = ?, deletion_date = ?,
                               fingerprint_salt = ?, fingerprint_mac = ?, alias = ?, description = ?,
                               version = version + 1
                WHERE key_id = ? AND tenant_id = ? AND region = ? AND version = ?""")) {
            setMutableColumns(update, 1, key);
            update.setString(7, key.alias().value());
            update.setString(8, key.description().value());
            update.setString(9, key.id().value());
            update.setString(10, key.scope().tenant().value());
            update.setString(11, key.scope().region().value());
            update.setLong(12, key.version());
            updated = update.executeUpdate();
        } catch (SQLException e) {
            if (StoreExceptions.isUniqueViolation(e, "cmk_alias_unique")) {
                throw new AliasAlreadyExistsException(key.alias(), key.id());
            }
            throw new StatementFailedException("updating key " + key.id().value(), e);
        }
        if (updated != 1) {
            throw new ConcurrentKeyChangeException(key.id());
        }
    }

    /** The six columns a key's life changes, from {@code first} on: state, material, expiry, deletion, fingerprint. */
    private static void setMutableColumns(PreparedStatement statement, int first, Cmk key) throws SQLException {
        statement.setString(first, key.state().name());
        statement.setBoolean(first + 1, key.hasMaterial());
        Columns.setMillis(statement, first + 2, key.materialExpiresAt());
        Columns.setMillis(statement, first + 3, key.deletionDate());
        Optional<MaterialFingerprint> fingerprint = key.fingerprint();
        Columns.setBytes(statement, first + 4, fingerprint.map(MaterialFingerprint::salt).orElse(null));
        Columns.setBytes(statement, first + 5, fingerprint.map(MaterialFingerprint::mac).orElse(null));
    }

    /** Deletes the key and, by cascade, its children. */
    void delete(Handle h, Cmk key) {
        int removed = h.createUpdate("""
                        DELETE FROM cmk WHERE key_id = :id AND tenant_id = :tenant AND region = :region
                                          AND version = :version""")
                .bind("id", key.id().value())
                .bind("tenant", key.scope().tenant().value())
                .bind("region", key.scope().region().value())
                .bind("version", key.version())
                .execute();
        if (removed != 1) {
            throw new ConcurrentKeyChangeException(key.id());
        }
    }
}
