package dev.keyport.adapter.jdbc;

import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Every sealed column of the schema, opened under the current master key and sealed again under a new one, in one
 * SERIALIZABLE transaction: either every secret moves to the new key or none does. Each value keeps its associated
 * data (column and owner), so a re-sealed value still opens only in its own row and column.
 */
final class MasterKeyRotation {

    /** One sealed column: how to read its rows with the owner id its values are bound to, and how to write one. */
    private record SealedColumn(String column, String select, String update) {
    }

    private static final List<SealedColumn> COLUMNS = List.of(
            new SealedColumn(SealedSecrets.MATERIAL_COLUMN,
                    "SELECT key_id AS row_id, key_id AS owner, sealed FROM cmk_material",
                    "UPDATE cmk_material SET sealed = :sealed WHERE key_id = :rowId"),
            new SealedColumn(SealedSecrets.PRIVATE_KEY_COLUMN,
                    // the owner as SealedSecrets.privateKeyOwner spells it
                    "SELECT grant_id AS row_id, key_id || '/' || grant_id AS owner, sealed_private_key AS sealed "
                            + "FROM import_grant",
                    "UPDATE import_grant SET sealed_private_key = :sealed WHERE grant_id = :rowId"),
            new SealedColumn(JdbcStore.CHECK_COLUMN,
                    "SELECT name AS row_id, name AS owner, sealed FROM keyport_meta",
                    "UPDATE keyport_meta SET sealed = :sealed WHERE name = :rowId"));

    private MasterKeyRotation() {
    }

    private record SealedRow(String rowId, String owner, byte[] sealed) {
    }

    static long rotate(Jdbi jdbi, Sealer current, Sealer next) {
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, h -> {
                long count = 0;
                for (SealedColumn column : COLUMNS) {
                    count += rotate(h, column, current, next);
                }
                return count;
            });
        } catch (RuntimeException e) {
            throw JdbiTransactions.unavailableOr(e);
        }
    }

    private static long rotate(Handle h, SealedColumn column, Sealer current, Sealer next) {
        List<SealedRow> rows = h.createQuery(column.select())
                .map((rs, ctx) -> new SealedRow(rs.getString("row_id"), rs.getString("owner"), rs.getBytes("sealed")))
                .list();
        var batch = h.prepareBatch(column.update());
        for (SealedRow row : rows) {
            byte[] secret = current.open(row.sealed(), column.column(), row.owner());
            try {
                batch.bind("sealed", next.seal(secret, column.column(), row.owner())).bind("rowId", row.rowId())
                        .add();
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
        if (!rows.isEmpty()) {
            batch.execute();
        }
        return rows.size();
    }
}
