package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.KeyRef;
import dev.keyport.domain.Alias;
import dev.keyport.domain.AliasAlreadyExistsException;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.KeyScope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Many new keys at once (a seed file's batch): their {@code cmk} rows in one JDBC batch and their {@code cmk_material}
 * rows in another (plain JDBC inside the Jdbi transaction, as {@link CmkRows} writes one key), each material sealed as {@link ChildRows} seals it; the bindings and grants of the rare key that has
 * some are written by {@link ChildRows} itself. A savepoint spans the whole: a batch that fails leaves nothing of itself
 * in the transaction, and the transaction stays usable to find which key's alias was taken. Also: which of many ids are
 * stored, one query per {@value #IDS_PER_QUERY}.
 */
final class NewKeyRows {

    /** Bound parameters per look-up, well below what either database allows in one statement. */
    static final int IDS_PER_QUERY = 1000;
    private static final String SAVEPOINT = "keyport_new_keys";

    private final ChildRows children;
    private final SealedSecrets secrets;

    NewKeyRows(ChildRows children, SealedSecrets secrets) {
        this.children = children;
        this.secrets = secrets;
    }

    /**
     * @throws AliasAlreadyExistsException  naming the first key whose alias is taken in its scope, by a stored key or
     *                                      one earlier in {@code keys}
     * @throws ConcurrentKeyChangeException when one of the ids is stored: another server got there first
     */
    void insert(Handle h, List<Cmk> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Set<KeyId> ids = new HashSet<>();
        for (Cmk key : keys) {
            if (!ids.add(key.id())) {
                throw new IllegalArgumentException("key " + key.id() + " is given twice");
            }
        }
        h.savepoint(SAVEPOINT);
        try {
            insertKeyRows(h, keys);
            insertMaterial(h, keys);
            for (Cmk key : keys) {
                if (!key.bindings().isEmpty() || !key.grants().isEmpty()) {
                    // the key row and its material are written; ChildRows adds the rest
                    children.write(h, key, new StoredKey(1, key.hasMaterial(), Set.of(), Set.of()));
                }
            }
        } catch (RuntimeException e) {
            rollBack(h, e);
            if (StoreExceptions.isUniqueViolation(e, "cmk_alias_unique")) {
                throw takenAlias(h, keys);
            }
            if (StoreExceptions.isUniqueViolation(e)) {
                throw new ConcurrentKeyChangeException(null); // a key id, stored since the caller looked
            }
            throw e;
        }
        h.release(SAVEPOINT);
    }

    private static void insertKeyRows(Handle h, List<Cmk> keys) {
        try (PreparedStatement rows = h.getConnection().prepareStatement(CmkRows.INSERT)) {
            for (Cmk key : keys) {
                CmkRows.bindNew(rows, key);
                rows.addBatch();
            }
            rows.executeBatch();
        } catch (SQLException e) {
            throw new StatementFailedException("inserting " + keys.size() + " keys", e);
        }
    }

    private void insertMaterial(Handle h, List<Cmk> keys) {
        try (PreparedStatement rows = h.getConnection().prepareStatement(ChildRows.INSERT_MATERIAL)) {
            int added = 0;
            for (Cmk key : keys) {
                Optional<KeyMaterial> material = key.material();
                if (material.isEmpty()) {
                    continue;
                }
                String id = key.id().value();
                try {
                    rows.setString(1, id);
                    rows.setBytes(2, secrets.sealMaterial(id, material.get()));
                    rows.addBatch();
                    added++;
                } finally {
                    material.get().erase();
                }
            }
            if (added > 0) {
                rows.executeBatch();
            }
        } catch (SQLException e) {
            throw new StatementFailedException("storing the material of " + keys.size() + " keys", e);
        }
    }

    private static void rollBack(Handle h, RuntimeException failure) {
        try {
            h.rollbackToSavepoint(SAVEPOINT);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            throw failure;
        }
    }

    /**
     * The refusal of the first key whose alias is a stored key's in its scope, or an earlier key's of the batch; when
     * there is none, the key that had the alias is gone again, and the caller runs once more.
     */
    private static RuntimeException takenAlias(Handle h, List<Cmk> keys) {
        Set<ScopedAlias> taken = new HashSet<>();
        List<String> aliases = keys.stream().map(key -> key.alias().value()).distinct().toList();
        for (int from = 0; from < aliases.size(); from += IDS_PER_QUERY) {
            taken.addAll(h.createQuery("SELECT tenant_id, region, alias FROM cmk WHERE alias IN (<aliases>)")
                    .bindList("aliases", aliases.subList(from, Math.min(aliases.size(), from + IDS_PER_QUERY)))
                    .map((rs, ctx) -> new ScopedAlias(Columns.scope(rs), Alias.of(rs.getString("alias"))))
                    .list());
        }
        Set<ScopedAlias> earlier = new HashSet<>();
        for (Cmk key : keys) {
            ScopedAlias alias = new ScopedAlias(key.scope(), key.alias());
            if (taken.contains(alias) || !earlier.add(alias)) {
                return new AliasAlreadyExistsException(key.alias(), key.id());
            }
        }
        return new ConcurrentKeyChangeException(null);
    }

    private record ScopedAlias(KeyScope scope, Alias alias) {
    }

    /** Which of {@code ids} are stored, in whichever scope: one statement per {@value #IDS_PER_QUERY} ids. */
    List<KeyRef> stored(Handle h, Collection<KeyId> ids) {
        List<String> values = ids.stream().map(KeyId::value).distinct().toList();
        List<KeyRef> stored = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IDS_PER_QUERY) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + IDS_PER_QUERY));
            String sql = "SELECT tenant_id, region, key_id FROM cmk WHERE key_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement query = h.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    query.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        stored.add(new KeyRef(Columns.scope(rs), KeyId.of(rs.getString("key_id"))));
                    }
                }
            } catch (SQLException e) {
                throw new StatementFailedException("looking up " + chunk.size() + " key ids", e);
            }
        }
        return stored;
    }
}
