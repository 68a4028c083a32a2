package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;

public record EncryptResult(KeyId keyId, byte[] ciphertext) {

    public EncryptResult {
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }
}
