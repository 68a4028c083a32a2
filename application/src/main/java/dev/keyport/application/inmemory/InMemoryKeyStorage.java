package dev.keyport.application.inmemory;

import dev.keyport.application.port.out.AuditSink;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.KeyStorage;
import dev.keyport.application.port.out.TransactionBoundary;
import java.util.Objects;

/** Keys, audit trail and transactions in memory: for tests and for programs that keep nothing across restarts. */
public final class InMemoryKeyStorage implements KeyStorage {

    private final KeyRepository keys;
    private final InMemoryAuditLog audit;
    private final InMemoryTransactions transactions = new InMemoryTransactions();

    public InMemoryKeyStorage() {
        this(new InMemoryKeyRepository(), new InMemoryAuditLog());
    }

    /**
     * @param keys  an {@link InMemoryKeyRepository}, or a test's decorator of one (to count or to inject faults): a
     *              repository that keeps its keys in this process, which the in-memory transactions serialize
     * @param audit where the audit records go, for a test to read them
     */
    public InMemoryKeyStorage(KeyRepository keys, InMemoryAuditLog audit) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public KeyRepository keys() {
        return keys;
    }

    @Override
    public AuditSink audit() {
        return audit;
    }

    /** The audit log, to read back. */
    public InMemoryAuditLog auditLog() {
        return audit;
    }

    @Override
    public TransactionBoundary transactions() {
        return transactions;
    }
}
