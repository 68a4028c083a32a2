package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;

public record DecryptResult(KeyId keyId, byte[] plaintext) {

    public DecryptResult {
        plaintext = plaintext.clone();
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    @Override
    public String toString() {
        return "DecryptResult[" + keyId + ", plaintext redacted]";
    }
}
