package dev.keyport.adapter.jdbc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail's retention: rows older than a cutoff are handed to an export, then deleted, a batch at a time,
 * oldest first. A batch is read with its rows locked, exported and deleted in one transaction, so a batch that
 * fails to export stays in the table, and two servers pruning one PostgreSQL database export each row once. The
 * table is otherwise append-only.
 */
final class AuditRetention {

    /** What the export receives: each row as column name to value, in id order. */
    interface Export {
        void write(List<Map<String, Object>> rows);
    }

    static final String[] COLUMNS = {"id", "at", "tenant_id", "region", "key_id", "operation", "change", "from_state",
        "to_state", "reason", "detail", "credential_id", "request_id", "outcome", "error_code", "key_version"};

    private final JdbiTransactions transactions;

    AuditRetention(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    /** Exports and deletes every row recorded before {@code cutoff}; returns how many. */
    long prune(Instant cutoff, int batchSize, Export export) {
        long total = 0;
        while (true) {
            int done = transactions.inTransaction(() -> {
                JdbiTransactions.Scope tx = transactions.scope();
                List<Map<String, Object>> rows = tx.handle().createQuery("SELECT " + String.join(", ", COLUMNS)
                                + " FROM audit_log WHERE at < :cutoff ORDER BY id LIMIT :limit FOR UPDATE")
                        .bind("cutoff", cutoff.toEpochMilli())
                        .bind("limit", batchSize)
                        .map((rs, ctx) -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (String column : COLUMNS) {
                                row.put(column, rs.getObject(column));
                            }
                            return row;
                        })
                        .list();
                if (rows.isEmpty()) {
                    return 0;
                }
                export.write(rows);
                long first = ((Number) rows.get(0).get("id")).longValue();
                long last = ((Number) rows.get(rows.size() - 1).get("id")).longValue();
                tx.wrote();
                return tx.handle().createUpdate("DELETE FROM audit_log WHERE id BETWEEN :first AND :last AND at < :cutoff")
                        .bind("first", first).bind("last", last).bind("cutoff", cutoff.toEpochMilli()).execute();
            });
            total += done;
            if (done < batchSize) {
                return total;
            }
        }
    }
}
