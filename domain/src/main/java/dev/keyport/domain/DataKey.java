package dev.keyport.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * A data key made under a CMK: its plaintext, for the caller to encrypt with and forget, and its ciphertext, to keep
 * beside the data. Keyport stores neither; whoever hands the plaintext over {@linkplain #erase() erases} it once it
 * is written out.
 */
public final class DataKey {

    /** Data keys are 1 to 1,024 bytes long (both vendors). */
    public static final int MAX_BYTES = 1024;

    private final byte[] plaintext;
    private final byte[] ciphertext;

    DataKey(byte[] plaintext, byte[] ciphertext) {
        this.plaintext = Objects.requireNonNull(plaintext, "plaintext");
        this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext");
    }

    /** The plaintext itself, not a copy: {@link #erase()} overwrites what this returned. */
    public byte[] plaintext() {
        return plaintext;
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** Overwrites the plaintext with zeros. */
    public void erase() {
        Arrays.fill(plaintext, (byte) 0);
    }

    /** A data key's length, checked: 1 to {@value #MAX_BYTES} bytes. */
    static void checkLength(int bytes, KeyId keyId, KeyState state) {
        if (bytes < 1 || bytes > MAX_BYTES) {
            throw new InvalidValueException(DomainErrorCode.INVALID_DATA_KEY_LENGTH, "data key",
                    "must be 1 to " + MAX_BYTES + " bytes", keyId, state);
        }
    }

    @Override
    public String toString() {
        return "DataKey[" + plaintext.length + " bytes, redacted]";
    }
}
