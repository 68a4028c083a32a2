package dev.keyport.domain;

/** A ciphertext that is not Keyport's, was altered, or does not match the encryption context given. */
public final class CiphertextRejectedException extends DomainException {

    public CiphertextRejectedException(DomainErrorCode code, KeyId keyId, String reason) {
        super(code, keyId, null, reason);
    }
}
