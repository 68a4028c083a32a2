package dev.keyport.application.port.out;

/**
 * Where keys are kept: a repository, the audit trail it writes beside them, and the transaction boundary both of them
 * join. The three come together from one store, so that a change and its audit records commit together; an embedder
 * chooses a store, never the three parts.
 */
public interface KeyStorage {

    KeyRepository keys();

    AuditSink audit();

    TransactionBoundary transactions();
}
