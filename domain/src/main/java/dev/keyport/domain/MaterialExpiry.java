package dev.keyport.domain;

import java.time.Instant;

/**
 * When imported material expires, and what that makes of a key's state: the one definition that the aggregate applies
 * on every transition and read, that the in-memory store lists by, and that the JDBC store's SQL restates (its
 * {@code EFFECTIVE_STATE} cites this class).
 */
public final class MaterialExpiry {

    private MaterialExpiry() {
    }

    /** Whether the material expires at {@code now}: imported material with an expiry that is not in the future. */
    public static boolean isDue(Origin origin, boolean hasMaterial, Instant expiresAt, Instant now) {
        return origin == Origin.EXTERNAL && hasMaterial && expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The state at {@code now}: PendingImport once the material expired, except that PendingDelete stays. */
    public static KeyState stateAt(Origin origin, KeyState stored, boolean hasMaterial, Instant expiresAt,
                                   Instant now) {
        return isDue(origin, hasMaterial, expiresAt, now) && stored != KeyState.PENDING_DELETE
                ? KeyState.PENDING_IMPORT : stored;
    }
}
