package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.KeyRef;
import dev.keyport.domain.Alias;
import dev.keyport.domain.AliasAlreadyExistsException;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.MaterialFingerprint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Many new keys at once (a seed file's batch): their {@code cmk} rows in one JDBC batch and their {@code cmk_material}
 * rows in another, each material sealed as {@link ChildRows} seals it; the bindings and grants of the rare key that has
 * some are written by {@link ChildRows} itself. A savepoint spans the whole: a batch that fails leaves nothing of itself
 * in the transaction, and the transaction stays usable to find which key's alias was taken. Also: which of many ids are
 * stored, one query per {@value #IDS_PER_QUERY}.
 */
final class NewKeyRows {

    /** Bound parameters per look-up, well below what either database allows in one statement. */
    static final int IDS_PER_QUERY = 1000;
    private static final String SAVEPOINT = "keyport_new_keys";

    private static final String INSERT_KEY = """
            INSERT INTO cmk (key_id, tenant_id, region, alias, description, key_usage, origin, state, created_at,
                             has_material, material_expires_at, deletion_date, fingerprint_salt, fingerprint_mac,
                             version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""";
    private static final String INSERT_MATERIAL = "INSERT INTO cmk_material (key_id, sealed) VALUES (?, ?)";

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
        PreparedBatch rows = h.prepareBatch(INSERT_KEY);
        for (Cmk key : keys) {
            Optional<MaterialFingerprint> fingerprint = key.fingerprint();
            rows.bind(0, key.id().value())
                    .bind(1, key.scope().tenant().value())
                    .bind(2, key.scope().region().value())
                    .bind(3, key.alias().value())
                    .bind(4, key.description().value())
                    .bind(5, key.usage().name())
                    .bind(6, key.origin().name())
                    .bind(7, key.state().name())
                    .bind(8, key.createdAt().toEpochMilli())
                    .bind(9, key.hasMaterial())
                    .bind(10, Columns.millis(key.materialExpiresAt()))
                    .bind(11, Columns.millis(key.deletionDate()))
                    .bind(12, fingerprint.map(MaterialFingerprint::salt).orElse(null))
                    .bind(13, fingerprint.map(MaterialFingerprint::mac).orElse(null))
                    .add();
        }
        rows.execute();
    }

    private void insertMaterial(Handle h, List<Cmk> keys) {
        PreparedBatch rows = h.prepareBatch(INSERT_MATERIAL);
        for (Cmk key : keys) {
            Optional<KeyMaterial> material = key.material();
            if (material.isEmpty()) {
                continue;
            }
            String id = key.id().value();
            try {
                rows.bind(0, id).bind(1, secrets.sealMaterial(id, material.get())).add();
            } finally {
                material.get().erase();
            }
        }
        if (rows.size() > 0) {
            rows.execute();
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

    /** Which of {@code ids} are stored, in whichever scope. */
    List<KeyRef> stored(Handle h, Collection<KeyId> ids) {
        List<String> values = ids.stream().map(KeyId::value).distinct().toList();
        List<KeyRef> stored = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IDS_PER_QUERY) {
            stored.addAll(h.createQuery("SELECT tenant_id, region, key_id FROM cmk WHERE key_id IN (<ids>)")
                    .bindList("ids", values.subList(from, Math.min(values.size(), from + IDS_PER_QUERY)))
                    .map((rs, ctx) -> new KeyRef(Columns.scope(rs), KeyId.of(rs.getString("key_id"))))
                    .list());
        }
        return stored;
    }
}
