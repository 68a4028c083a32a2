package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.KeyPage;
import dev.keyport.application.port.out.KeyQuery;
import dev.keyport.application.port.out.KeyRef;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The CMK aggregate in five tables, in the transaction of {@link JdbiTransactions}: the key row ({@link CmkRows}) with
 * a version for optimistic concurrency, its material, bindings and grants ({@link ChildRows}), secrets sealed and
 * opened only on demand ({@link SealedSecrets}), listing as one query ({@link KeyListQuery}), many new keys at once
 * in JDBC batches ({@link NewKeyRows}). A transaction remembers
 * of each key it read only what a save needs to diff ({@link StoredKey}), nothing secret.
 */
public final class JdbcKeyRepository implements KeyRepository {

    private final JdbiTransactions transactions;
    private final CmkRows rows;
    private final ChildRows children;
    private final NewKeyRows newKeys;

    JdbcKeyRepository(JdbiTransactions transactions, Sealer sealer) {
        SealedSecrets secrets = new SealedSecrets(sealer);
        this.transactions = transactions;
        this.children = new ChildRows(secrets);
        this.rows = new CmkRows(children, secrets);
        this.newKeys = new NewKeyRows(children, secrets);
    }

    @Override
    public Optional<Cmk> find(KeyScope scope, KeyId id) {
        JdbiTransactions.Scope tx = transactions.scope();
        return translated(() -> rows.find(tx.handle(), scope, id, tx::enterTransaction).map(loaded -> {
            tx.stored().put(id, loaded.stored());
            return loaded.key();
        }));
    }

    @Override
    public void add(Cmk key) {
        JdbiTransactions.Scope tx = transactions.scope();
        Handle h = tx.handle();
        tx.wrote();
        translated(() -> {
            rows.insert(h, key);
            children.write(h, key, StoredKey.NONE);
            return null;
        });
    }

    @Override
    public void addAll(List<Cmk> keys) {
        JdbiTransactions.Scope tx = transactions.scope();
        Handle h = tx.handle();
        tx.wrote();
        translated(() -> {
            newKeys.insert(h, keys);
            return null;
        });
    }

    @Override
    public List<KeyRef> findStored(Collection<KeyId> ids) {
        Handle h = transactions.handle();
        return translated(() -> newKeys.stored(h, ids));
    }

    @Override
    public void update(Cmk key) {
        JdbiTransactions.Scope tx = transactions.scope();
        Handle h = tx.handle();
        tx.wrote();
        translated(() -> {
            rows.update(h, key);
            // the row was at the version it was read at: what this transaction read of it is what is stored
            StoredKey read = tx.stored().get(key.id());
            StoredKey stored = read != null && read.version() == key.version() ? read
                    : children.stored(h, key.id().value(), key.version());
            children.write(h, key, stored);
            tx.stored().put(key.id(), StoredKey.of(key, key.version() + 1));
            return null;
        });
    }

    @Override
    public void remove(Cmk key) {
        JdbiTransactions.Scope tx = transactions.scope();
        Handle h = tx.handle();
        tx.wrote();
        translated(() -> {
            rows.delete(h, key);
            return null;
        });
    }

    @Override
    public KeyPage list(KeyScope scope, KeyQuery query) {
        Handle h = transactions.handle();
        return translated(() -> KeyListQuery.page(h, scope, query));
    }

    @Override
    public List<KeyRef> findMaterialExpiryDue(Instant now, int limit) {
        return refs("SELECT tenant_id, region, key_id FROM cmk WHERE " + MaterialExpirySql.DUE
                + " ORDER BY material_expires_at LIMIT :limit", now, limit);
    }

    @Override
    public List<KeyRef> findPurgeDue(Instant now, int limit) {
        return refs("""
                SELECT tenant_id, region, key_id FROM cmk
                WHERE deletion_date <= :now AND state = 'PENDING_DELETE'
                ORDER BY deletion_date LIMIT :limit""", now, limit);
    }

    private List<KeyRef> refs(String sql, Instant now, int limit) {
        Handle h = transactions.handle();
        return translated(() -> h.createQuery(sql)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new KeyRef(Columns.scope(rs), KeyId.of(rs.getString("key_id"))))
                .list());
    }

    @Override
    public int removeExpiredGrants(Instant now) {
        JdbiTransactions.Scope tx = transactions.scope();
        Handle h = tx.handle();
        tx.wrote();
        return translated(() -> h.createUpdate("DELETE FROM import_grant WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /** Lock timeouts, deadlocks and serialization failures lost a race, like a stale version: the use case retries. */
    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (StoreExceptions.isConcurrencyFailure(e)) {
                throw new ConcurrentKeyChangeException(null);
            }
            throw e;
        }
    }
}
