package dev.keyport.domain;

/** The operations of the lifecycle, as named in refusals and in the audit trail. */
public enum KeyOperation {
    CREATE,
    SEED,
    GET_IMPORT_PARAMETERS,
    IMPORT_MATERIAL,
    DELETE_MATERIAL,
    EXPIRE_MATERIAL,
    ENABLE,
    DISABLE,
    SCHEDULE_DELETION,
    CANCEL_DELETION,
    ENCRYPT,
    DECRYPT,
    GENERATE_DATA_KEY,
    ENCRYPT_DATA_KEY,
    DECRYPT_DATA_KEY,
    RE_ENCRYPT,
    UPDATE_ALIAS,
    UPDATE_DESCRIPTION,
    BIND_CLOUD_RESOURCE,
    UNBIND_CLOUD_RESOURCE,
    PURGE
}
