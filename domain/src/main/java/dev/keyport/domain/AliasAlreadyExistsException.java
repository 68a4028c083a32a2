package dev.keyport.domain;

/** Another key in the same scope already has this alias. */
public final class AliasAlreadyExistsException extends DomainException {

    private final Alias alias;

    public AliasAlreadyExistsException(Alias alias) {
        super(DomainErrorCode.ALIAS_ALREADY_EXISTS, null, null, "alias " + alias + " already exists");
        this.alias = alias;
    }

    public Alias alias() {
        return alias;
    }
}
