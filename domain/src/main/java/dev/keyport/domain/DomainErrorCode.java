package dev.keyport.domain;

/**
 * The stable codes of every refusal the core can give. Adapters translate each code to their vendor's error in one
 * exhaustive table; a new code is a compile error in every adapter's switch, never a silent fallback.
 */
public enum DomainErrorCode {
    // values refused before any key is looked at
    INVALID_VALUE,
    INVALID_KEY_ID,
    INVALID_ALIAS,
    INVALID_DESCRIPTION,
    INVALID_DELETION_WINDOW,
    INVALID_CLOUD_RESOURCE,
    INVALID_PLAINTEXT,
    INVALID_DATA_KEY_LENGTH,
    INVALID_RANDOM_LENGTH,

    // lookups and uniqueness
    KEY_NOT_FOUND,
    ALIAS_ALREADY_EXISTS,

    // origin
    NOT_EXTERNAL_KEY,

    // state guards of transitions
    KEY_NOT_DISABLED,
    KEY_NOT_ENABLED,
    KEY_SHOULD_BE_DISABLED,
    KEY_ALREADY_PENDING_DELETE,
    KEY_NOT_PENDING_DELETE,
    IMPORT_STATE_NOT_SUPPORTED,
    MATERIAL_DELETE_STATE_NOT_SUPPORTED,
    BINDING_STATE_NOT_SUPPORTED,

    // state guards of use (encrypt, decrypt, import parameters)
    KEY_DISABLED,
    KEY_PENDING_DELETE,
    KEY_PENDING_IMPORT,

    // cloud-resource bindings
    KEY_IN_USE_BY_CLOUD_RESOURCE,
    CLOUD_RESOURCE_BINDING_NOT_FOUND,

    // import
    IMPORT_TOKEN_INVALID,
    IMPORT_TOKEN_EXPIRED,
    IMPORT_TOKEN_KEY_MISMATCH,
    MATERIAL_UNWRAP_FAILED,
    MATERIAL_LENGTH_INVALID,
    MATERIAL_MISMATCH,
    MATERIAL_EXPIRY_NOT_IN_FUTURE,

    // encrypt and decrypt
    INVALID_CIPHERTEXT,
    DECRYPTION_FAILED,

    // concurrency
    CONCURRENT_MODIFICATION
}
