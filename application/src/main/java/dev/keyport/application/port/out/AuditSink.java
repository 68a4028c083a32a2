package dev.keyport.application.port.out;

/**
 * Where the audit trail goes. A record of a change is written in the transaction of the change, so that a change and
 * its record are kept or lost together; a record of a refusal is written on its own.
 */
public interface AuditSink {

    void record(AuditRecord record);
}
