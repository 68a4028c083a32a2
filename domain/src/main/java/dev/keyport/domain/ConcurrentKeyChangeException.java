package dev.keyport.domain;

/** The key changed between load and save; the change was not applied. */
public final class ConcurrentKeyChangeException extends DomainException {

    public ConcurrentKeyChangeException(KeyId keyId) {
        super(DomainErrorCode.CONCURRENT_MODIFICATION, keyId, null,
                "key " + keyId + " was changed concurrently; the operation was not applied");
    }
}
