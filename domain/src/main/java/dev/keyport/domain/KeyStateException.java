package dev.keyport.domain;

/** An operation that the key's current state does not allow. */
public final class KeyStateException extends DomainException {

    private final KeyOperation operation;

    public KeyStateException(DomainErrorCode code, KeyId keyId, KeyState state, KeyOperation operation) {
        super(code, keyId, state, operation + " is not allowed on key " + keyId + " in state " + state);
        this.operation = operation;
    }

    public KeyOperation operation() {
        return operation;
    }
}
