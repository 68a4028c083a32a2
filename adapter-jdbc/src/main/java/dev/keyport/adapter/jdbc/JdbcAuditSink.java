package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.application.port.out.AuditSink;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The append-only audit table. A record of a change joins the transaction of the change; a record of a refusal,
 * written after its transaction rolled back, gets a transaction of its own.
 */
public final class JdbcAuditSink implements AuditSink {

    private final JdbiTransactions transactions;

    JdbcAuditSink(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void record(AuditRecord record) {
        try {
            transactions.write(h -> insert(h, record)); // joins the transaction of the change, if there is one
        } catch (RuntimeException e) {
            throw JdbiTransactions.unavailableOr(e);
        }
    }

    /** Records of changes of one transaction, in one JDBC batch: a seed file's batch writes one per key. */
    @Override
    public void recordAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            transactions.write(h -> {
                try (PreparedStatement batch = h.getConnection().prepareStatement(INSERT_POSITIONAL)) {
                    for (AuditRecord r : records) {
                        bind(batch, r);
                        batch.addBatch();
                    }
                    batch.executeBatch();
                } catch (SQLException e) {
                    throw new StatementFailedException("writing " + records.size() + " audit records", e);
                }
            });
        } catch (RuntimeException e) {
            throw JdbiTransactions.unavailableOr(e);
        }
    }

    private static final String INSERT_POSITIONAL = """
            INSERT INTO audit_log (at, tenant_id, region, key_id, operation, change, from_state, to_state, reason,
                                   detail, credential_id, request_id, outcome, error_code, key_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static void insert(Handle h, AuditRecord r) {
        // one per change: in plain JDBC, as the key's own statements (CmkRows)
        try (PreparedStatement insert = h.getConnection().prepareStatement(INSERT_POSITIONAL)) {
            bind(insert, r);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailedException("writing an audit record", e);
        }
    }

    private static void bind(PreparedStatement insert, AuditRecord r) throws SQLException {
        insert.setLong(1, r.at().toEpochMilli());
        insert.setString(2, r.scope().tenant().value());
        insert.setString(3, r.scope().region().value());
        Columns.setString(insert, 4, r.keyId().map(Object::toString).orElse(null));
        insert.setString(5, r.operation().name());
        Columns.setString(insert, 6, r.change().map(Enum::name).orElse(null));
        Columns.setString(insert, 7, r.from().map(Enum::name).orElse(null));
        Columns.setString(insert, 8, r.to().map(Enum::name).orElse(null));
        insert.setString(9, r.reason().name());
        insert.setString(10, truncate(r.detail(), 2048));
        insert.setString(11, truncate(r.credentialId(), 128));
        insert.setString(12, truncate(r.requestId(), 128));
        insert.setString(13, r.outcome().name());
        Columns.setString(insert, 14, r.error().map(Enum::name).orElse(null));
        insert.setLong(15, r.keyVersion());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
