package dev.keyport.domain;

/** No key with this id in the caller's scope: it never existed, was purged, or belongs to someone else. */
public final class KeyNotFoundException extends DomainException {

    public KeyNotFoundException(KeyId keyId) {
        super(DomainErrorCode.KEY_NOT_FOUND, keyId, null, "key " + keyId + " does not exist");
    }
}
