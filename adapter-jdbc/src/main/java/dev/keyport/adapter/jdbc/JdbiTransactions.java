package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.StoreUnavailableException;
import dev.keyport.application.port.out.TransactionBoundary;
import dev.keyport.domain.KeyId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * One database transaction per unit of work, on the calling thread. The handle is bound to the thread for the
 * duration, so that the repository and the audit sink write in the same transaction; a nested call joins it.
 *
 * <p>Transactions are REPEATABLE READ: a key is read from one snapshot across its rows (key, material, bindings,
 * grants), and a write that races another fails as a serialization failure, which the use case retries.
 */
public final class JdbiTransactions implements TransactionBoundary {

    private final Jdbi jdbi;
    private final ThreadLocal<Scope> current = new ThreadLocal<>();

    /**
     * One transaction: its handle, and what is stored of each key read in it, so that a save need not read the key's
     * children again. Only versions and child ids: no secret is kept, opened or not.
     */
    record Scope(Handle handle, Map<KeyId, StoredKey> stored) {
    }

    JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
                current.set(new Scope(handle, new HashMap<>()));
                try {
                    return work.get();
                } finally {
                    current.remove();
                }
            });
        } catch (RuntimeException e) {
            throw unavailableOr(e);
        }
    }

    /** A failure because the database cannot be reached becomes the port's {@link StoreUnavailableException}. */
    static RuntimeException unavailableOr(RuntimeException e) {
        if (!(e instanceof StoreUnavailableException) && StoreExceptions.isUnavailable(e)) {
            return new StoreUnavailableException("the database cannot be reached", e);
        }
        return e;
    }

    /** The transaction this thread is in. */
    Scope scope() {
        Scope scope = current.get();
        if (scope == null) {
            throw new IllegalStateException("the key repository is used inside a transaction");
        }
        return scope;
    }

    /** The handle of the transaction this thread is in. */
    Handle handle() {
        return scope().handle();
    }

    Optional<Handle> currentHandle() {
        return Optional.ofNullable(current.get()).map(Scope::handle);
    }

    Jdbi jdbi() {
        return jdbi;
    }
}
