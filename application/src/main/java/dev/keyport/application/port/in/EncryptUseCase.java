package dev.keyport.application.port.in;

/** Encrypts up to 4 KiB under an Enabled key, with the caller's context authenticated. */
public interface EncryptUseCase {

    EncryptResult encrypt(EncryptCommand command);
}
