package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.TransactionBoundary;
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
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            current.set(handle);
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }

    /** The handle of the transaction this thread is in. */
    Handle handle() {
        Handle handle = current.get();
        if (handle == null) {
            throw new IllegalStateException("the key repository is used inside a transaction");
        }
        return handle;
    }

    Optional<Handle> currentHandle() {
        return Optional.ofNullable(current.get());
    }

    Jdbi jdbi() {
        return jdbi;
    }
}
