package dev.keyport.application.inmemory;

import dev.keyport.application.port.out.TransactionBoundary;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The transaction boundary of the in-memory store: units of work run one at a time, so a change and its audit
 * records are seen together and in the order they happened. The in-memory store has no rollback; a use case reaches
 * it in one step (add, update or remove) after all its checks have passed.
 */
public final class InMemoryTransactions implements TransactionBoundary {

    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
