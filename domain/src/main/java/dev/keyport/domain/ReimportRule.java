package dev.keyport.domain;

/** Whether the same material may be imported again into a key that already holds it. */
public enum ReimportRule {
    /** Re-importing the same material into an Enabled key succeeds and only replaces its expiry. */
    SAME_MATERIAL_UPDATES_EXPIRY,
    /** Only a key pending import accepts material; an Enabled key refuses even the same material. */
    ONLY_WHEN_PENDING_IMPORT
}
