package dev.keyport.application.port.in;

/**
 * Moves a ciphertext from the key it names to another (or to the same key with another context) without its
 * plaintext leaving Keyport; a data key stays a data key. Recorded on both keys.
 */
public interface ReEncryptUseCase {

    ReEncryptResult reEncrypt(ReEncryptCommand command);
}
