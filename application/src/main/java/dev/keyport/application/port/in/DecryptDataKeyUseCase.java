package dev.keyport.application.port.in;

/**
 * Decrypts a data key's ciphertext under the key it names (a ciphertext of data is refused); recorded in the audit
 * trail without the data key.
 */
public interface DecryptDataKeyUseCase {

    DecryptResult decryptDataKey(DecryptCommand command);
}
