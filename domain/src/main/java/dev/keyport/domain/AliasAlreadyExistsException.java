package dev.keyport.domain;

/** Another key in the same scope already has this alias. */
public final class AliasAlreadyExistsException extends DomainException {

    private final Alias alias;

    public AliasAlreadyExistsException(Alias alias) {
        super(DomainErrorCode.ALIAS_ALREADY_EXISTS, null, null, "alias " + alias + " already exists");
        this.alias = alias;
    }

    /** The alias of {@code keyId}, one of several new keys stored together, is another key's already. */
    public AliasAlreadyExistsException(Alias alias, KeyId keyId) {
        super(DomainErrorCode.ALIAS_ALREADY_EXISTS, keyId, null, "alias " + alias + " of key " + keyId
                + " already exists");
        this.alias = alias;
    }

    public Alias alias() {
        return alias;
    }
}
