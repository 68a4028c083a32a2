package dev.keyport.application.port.in;

/** Decrypts a Keyport ciphertext; the key is the one the ciphertext names, if it is in the caller's scope. */
public interface DecryptUseCase {

    DecryptResult decrypt(DecryptCommand command);
}
