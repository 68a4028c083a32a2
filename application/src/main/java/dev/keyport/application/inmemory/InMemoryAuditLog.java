package dev.keyport.application.inmemory;

import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.application.port.out.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The audit trail in memory, for tests and for embedding programs that read it back. */
public final class InMemoryAuditLog implements AuditSink {

    private final List<AuditRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditRecord record) {
        records.add(record);
    }

    @Override
    public void recordAll(List<AuditRecord> batch) {
        records.addAll(batch);
    }

    public List<AuditRecord> records() {
        return List.copyOf(records);
    }
}
