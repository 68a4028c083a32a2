package dev.keyport.domain;

/** A value the core refuses before any key is looked at: a malformed id, alias, window, resource … */
public final class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(DomainErrorCode code, String field, String reason) {
        super(code, null, null, field + " " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
