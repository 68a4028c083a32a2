package dev.keyport.application.port.in;

/** Encrypts a caller's data key under an Enabled key; recorded in the audit trail without the data key. */
public interface EncryptDataKeyUseCase {

    EncryptResult encryptDataKey(EncryptDataKeyCommand command);
}
