package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A data key made: its ciphertext, and its plaintext when it was asked for. The plaintext is the only copy there is:
 * the adapter writes it out and then {@linkplain #erase() erases} it.
 */
public final class GenerateDataKeyResult {

    private final KeyId keyId;
    private final byte[] ciphertext;
    private final byte[] plaintext;

    public GenerateDataKeyResult(KeyId keyId, byte[] ciphertext, byte[] plaintext) {
        this.keyId = Objects.requireNonNull(keyId, "key id");
        this.ciphertext = ciphertext.clone();
        this.plaintext = plaintext;
    }

    public KeyId keyId() {
        return keyId;
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** The plaintext itself, not a copy (so that {@link #erase()} reaches it); empty when it was not asked for. */
    public Optional<byte[]> plaintext() {
        return Optional.ofNullable(plaintext);
    }

    /** Overwrites the plaintext with zeros. */
    public void erase() {
        if (plaintext != null) {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "GenerateDataKeyResult[" + keyId + ", plaintext " + (plaintext == null ? "not asked" : "redacted")
                + "]";
    }
}
