package dev.keyport.application.port.out;

import java.util.List;

/**
 * Where the audit trail goes. A record of a change is written in the transaction of the change, so that a change and
 * its record are kept or lost together; a record of a refusal is written on its own.
 */
public interface AuditSink {

    void record(AuditRecord record);

    /** Several records of changes made in one transaction, in their order; a sink that can writes them in one batch. */
    default void recordAll(List<AuditRecord> records) {
        records.forEach(this::record);
    }
}
