package dev.keyport.application.inmemory;

import dev.keyport.application.port.out.TransactionBoundary;
import java.util.function.Supplier;

/**
 * The transaction boundary of the in-memory store: none is needed, because a use case reaches the store in one
 * atomic step (add, update or remove) after all its checks have passed, and versions catch concurrent changes.
 */
public final class DirectTransactions implements TransactionBoundary {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
