package dev.keyport.domain;

/** Imported material refused: a bad, foreign or expired token, undecryptable, wrong-sized or different material. */
public final class ImportRejectedException extends DomainException {

    public ImportRejectedException(DomainErrorCode code, KeyId keyId, KeyState state, String reason) {
        super(code, keyId, state, "import into key " + keyId + " refused: " + reason);
    }
}
