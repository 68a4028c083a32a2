package dev.keyport.domain;

/** Unbinding a cloud resource that is not bound to the key. */
public final class BindingNotFoundException extends DomainException {

    public BindingNotFoundException(KeyId keyId, KeyState state, CloudResource resource) {
        super(DomainErrorCode.CLOUD_RESOURCE_BINDING_NOT_FOUND, keyId, state,
                "key " + keyId + " is not bound to " + resource);
    }
}
