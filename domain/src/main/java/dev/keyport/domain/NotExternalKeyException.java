package dev.keyport.domain;

/** An operation on imported material asked of a key whose material Keyport generated. */
public final class NotExternalKeyException extends DomainException {

    private final KeyOperation operation;

    public NotExternalKeyException(KeyId keyId, KeyState state, KeyOperation operation) {
        super(DomainErrorCode.NOT_EXTERNAL_KEY, keyId, state,
                operation + " needs an EXTERNAL key; key " + keyId + " has Keyport-generated material");
        this.operation = operation;
    }

    public KeyOperation operation() {
        return operation;
    }
}
