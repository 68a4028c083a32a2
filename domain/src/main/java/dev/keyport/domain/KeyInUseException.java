package dev.keyport.domain;

import java.util.Set;

/** The key is bound to at least one cloud resource, which blocks the operation. */
public final class KeyInUseException extends DomainException {

    private final KeyOperation operation;
    private final Set<CloudResource> bindings;

    public KeyInUseException(KeyId keyId, KeyState state, KeyOperation operation, Set<CloudResource> bindings) {
        super(DomainErrorCode.KEY_IN_USE_BY_CLOUD_RESOURCE, keyId, state,
                operation + " is blocked: key " + keyId + " is used by " + bindings.size() + " cloud resource(s)");
        this.operation = operation;
        this.bindings = Set.copyOf(bindings);
    }

    public KeyOperation operation() {
        return operation;
    }

    public Set<CloudResource> bindings() {
        return bindings;
    }
}
