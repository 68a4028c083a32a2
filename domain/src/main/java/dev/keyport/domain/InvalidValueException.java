package dev.keyport.domain;

/** A value the core refuses before any key is looked at: a malformed id, alias, window, resource … */
public final class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(DomainErrorCode code, String field, String reason) {
        this(code, field, reason, null, null);
    }

    /** A value refused for a particular key, which the refusal names with its state. */
    public InvalidValueException(DomainErrorCode code, String field, String reason, KeyId keyId, KeyState state) {
        super(code, keyId, state, field + " " + reason + (keyId == null ? "" : " (key " + keyId + ")"));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
