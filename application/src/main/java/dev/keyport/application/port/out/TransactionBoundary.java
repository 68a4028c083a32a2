package dev.keyport.application.port.out;

import java.util.function.Supplier;

/**
 * Runs a unit of work in one transaction: everything it stores is committed together when it returns, and nothing
 * when it throws. A use case runs in one transaction on one thread.
 */
public interface TransactionBoundary {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs a unit of work that only reads (a use of one key: describe, encrypt, decrypt). An implementation may run
     * it without a transaction of its own when that is cheaper, provided each key it loads is still read from one
     * snapshot of its rows; one that has nothing cheaper runs it {@linkplain #inTransaction in a transaction}, as
     * this default does. Writing in it is a programming error, which an implementation may refuse.
     */
    default <T> T readOnly(Supplier<T> work) {
        return inTransaction(work);
    }
}
