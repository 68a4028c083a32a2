package dev.keyport.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The one family of refusals of the core. Each carries a stable {@link DomainErrorCode}, and, where a key was
 * involved, its id and the state it was in. Messages never contain key material, tokens or secrets.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidValueException, KeyNotFoundException, AliasAlreadyExistsException, KeyStateException,
        NotExternalKeyException, KeyInUseException, BindingNotFoundException, ImportRejectedException,
        CiphertextRejectedException, ConcurrentKeyChangeException {

    private final DomainErrorCode code;
    private final KeyId keyId;
    private final KeyState state;

    protected DomainException(DomainErrorCode code, KeyId keyId, KeyState state, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.keyId = keyId;
        this.state = state;
    }

    public DomainErrorCode code() {
        return code;
    }

    public Optional<KeyId> keyId() {
        return Optional.ofNullable(keyId);
    }

    public Optional<KeyState> state() {
        return Optional.ofNullable(state);
    }
}
