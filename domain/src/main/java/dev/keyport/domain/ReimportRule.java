package dev.keyport.domain;

/** Whether the same material may be imported again into a key that already holds it. */
public enum ReimportRule {
    /** Tencent: re-importing the same material into an Enabled key succeeds and only replaces its expiry. */
    SAME_MATERIAL_UPDATES_EXPIRY,
    /** Huawei: only a key pending import accepts material ("The key is not in Pending import state"). */
    ONLY_WHEN_PENDING_IMPORT
}
