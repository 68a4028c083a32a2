package dev.keyport.adapter.jdbc;

import dev.keyport.domain.MaterialExpiry;

/**
 * {@link MaterialExpiry} — the domain's one definition of when material expires and what that makes of a key's state —
 * restated in SQL over the columns of {@code cmk}, as of the bound {@code :now} (epoch milliseconds), so that listing,
 * counting and the sweep see expired material before any sweep has deleted it. Each constant mirrors one method;
 * {@code MaterialExpirySqlContract} checks that both agree on every origin, stored state, material and expiry, on H2
 * and PostgreSQL. Change them together.
 */
final class MaterialExpirySql {

    /** {@link MaterialExpiry#isDue}: imported material, still held, with an expiry that is not in the future. */
    static final String DUE = """
            (origin = 'EXTERNAL' AND has_material AND material_expires_at IS NOT NULL \
            AND material_expires_at <= :now)""";

    /** {@link MaterialExpiry#stateAt}: PendingImport once the material expired, except that PendingDelete stays. */
    static final String EFFECTIVE_STATE = "CASE WHEN " + DUE + " AND state <> 'PENDING_DELETE'"
            + " THEN 'PENDING_IMPORT' ELSE state END";

    private MaterialExpirySql() {
    }
}
