package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Objects;

/**
 * @param keyId       the key the ciphertext is now under
 * @param sourceKeyId the key it was under
 * @param reEncrypted false when the ciphertext given is returned as it was (same key, same context)
 */
public record ReEncryptResult(KeyId keyId, KeyId sourceKeyId, byte[] ciphertext, boolean reEncrypted) {

    public ReEncryptResult {
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(sourceKeyId, "source key id");
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }
}
