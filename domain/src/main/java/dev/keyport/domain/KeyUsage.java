package dev.keyport.domain;

/** What a key may be used for. Keyport keys are symmetric keys for encryption and decryption. */
public enum KeyUsage {
    ENCRYPT_DECRYPT
}
