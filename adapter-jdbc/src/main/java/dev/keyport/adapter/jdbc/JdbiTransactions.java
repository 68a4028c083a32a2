package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.StoreUnavailableException;
import dev.keyport.application.port.out.TransactionBoundary;
import dev.keyport.domain.KeyId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One database transaction per unit of work, on the calling thread. The handle is bound to the thread for the
 * duration, so that the repository and the audit sink write in the same transaction; a nested call joins it.
 *
 * <p>Transactions are REPEATABLE READ: a key is read from one snapshot across its rows (key, material, bindings,
 * grants), and a write that races another fails as a serialization failure, which the use case retries.
 *
 * <p>A transaction that wrote returns only once its commit is durable: on H2 through the {@link GroupCommit}, which
 * writes the commits of many transactions to the file at once; on PostgreSQL the commit itself is durable.
 */
public final class JdbiTransactions implements TransactionBoundary {

    private final Jdbi jdbi;
    private final Optional<GroupCommit> groupCommit;
    private final ThreadLocal<Scope> current = new ThreadLocal<>();

    /**
     * One transaction: its handle, what is stored of each key read in it, so that a save need not read the key's
     * children again (only versions and child ids: no secret is kept, opened or not), and whether it wrote.
     */
    static final class Scope {
        private final Handle handle;
        private final boolean readOnly;
        private final Map<KeyId, StoredKey> stored = new HashMap<>();
        private boolean wrote;
        /** A read-only scope's handle is in autocommit until a load needs more than one statement. */
        private boolean began;

        Scope(Handle handle, boolean readOnly) {
            this.handle = handle;
            this.readOnly = readOnly;
        }

        Handle handle() {
            return handle;
        }

        Map<KeyId, StoredKey> stored() {
            return stored;
        }

        /** Called by every statement that changes a row: the commit must then be durable before it is reported. */
        void wrote() {
            if (readOnly) {
                throw new IllegalStateException("a read-only unit of work writes");
            }
            wrote = true;
        }

        /**
         * Called before a load reads a second statement (a key's bindings or grants), which must see the same
         * snapshot as its first: in a read-only scope still in autocommit, this begins a transaction and answers true,
         * and the load reads its first statement again inside it; otherwise it answers false.
         */
        boolean enterTransaction() {
            if (!readOnly || began) {
                return false;
            }
            handle.begin();
            began = true;
            return true;
        }
    }

    /** @param groupCommit makes the commits durable, where the commit alone does not */
    JdbiTransactions(Jdbi jdbi, Optional<GroupCommit> groupCommit) {
        this.jdbi = jdbi;
        this.groupCommit = groupCommit;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try {
            Scope[] scope = new Scope[1];
            // REPEATABLE READ is every pooled connection's own level (JdbcStore), so it is not set per transaction
            T result = jdbi.inTransaction(handle -> {
                scope[0] = new Scope(handle, false);
                current.set(scope[0]);
                try {
                    return work.get();
                } finally {
                    current.remove();
                }
            });
            if (scope[0].wrote) {
                awaitDurable();
            }
            return result;
        } catch (RuntimeException e) {
            throw unavailableOr(e);
        }
    }

    /**
     * A read-only unit of work, in autocommit: most loads are one statement (the key row with its material), which
     * needs no transaction, and on PostgreSQL a transaction would add a BEGIN and a COMMIT round trip to it. A load
     * that needs more statements begins a transaction first ({@link Scope#enterTransaction}); a write is refused.
     * Nested in another unit of work, it joins that one.
     */
    @Override
    public <T> T readOnly(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try (Handle handle = jdbi.open()) {
            Scope scope = new Scope(handle, true);
            current.set(scope);
            boolean done = false;
            try {
                T result = work.get();
                done = true;
                return result;
            } finally {
                current.remove();
                if (scope.began) {
                    if (done) {
                        handle.commit();
                    } else {
                        handle.rollback();
                    }
                }
            }
        } catch (RuntimeException e) {
            throw unavailableOr(e);
        }
    }

    /**
     * Runs {@code work}, which writes, in the transaction this thread is in (an audit record of a change), or else in
     * one of its own (a refusal's audit record, the master-key check) that returns once what it wrote is durable.
     */
    void write(Consumer<Handle> work) {
        inTransaction(() -> {
            Scope scope = scope();
            work.accept(scope.handle());
            scope.wrote();
            return null;
        });
    }

    /** Returns once every transaction committed so far is durable. */
    void awaitDurable() {
        groupCommit.ifPresent(GroupCommit::awaitDurable);
    }

    Optional<GroupCommit> groupCommit() {
        return groupCommit;
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


    Jdbi jdbi() {
        return jdbi;
    }
}
