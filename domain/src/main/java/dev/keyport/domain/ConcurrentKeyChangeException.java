package dev.keyport.domain;

/** The key changed between load and save; the change was not applied. */
public final class ConcurrentKeyChangeException extends DomainException {

    /** @param keyId the key that changed, or null when the store could not tell which */
    public ConcurrentKeyChangeException(KeyId keyId) {
        super(DomainErrorCode.CONCURRENT_MODIFICATION, keyId, null,
                (keyId == null ? "a key" : "key " + keyId)
                        + " was changed concurrently; the operation was not applied");
    }
}
