package dev.keyport.application.port.out;

import java.util.function.Supplier;

/**
 * Runs a unit of work in one transaction: everything it stores is committed together when it returns, and nothing
 * when it throws. A use case runs in one transaction on one thread.
 */
public interface TransactionBoundary {

    <T> T inTransaction(Supplier<T> work);
}
