package dev.keyport.domain;

/** What changed, in an audit record. */
public enum KeyChange {
    CREATED,
    /** Made in its final state from a seed file ({@link Cmk#seed}): the one record of such a key's making. */
    SEEDED,
    IMPORT_PARAMETERS_ISSUED,
    MATERIAL_IMPORTED,
    MATERIAL_EXPIRY_CHANGED,
    MATERIAL_DELETED,
    ENABLED,
    DISABLED,
    DELETION_SCHEDULED,
    DELETION_CANCELLED,
    CLOUD_RESOURCE_BOUND,
    CLOUD_RESOURCE_UNBOUND,
    /** The alias was changed; the detail says from what to what. */
    ALIAS_CHANGED,
    /** The description was changed (not quoted: a description may say more than an audit trail should keep). */
    DESCRIPTION_CHANGED,
    PURGED
}
