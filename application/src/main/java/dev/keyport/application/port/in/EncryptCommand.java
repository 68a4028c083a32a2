package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Objects;

/** @param context authenticated, not encrypted; decrypt must present the same bytes (empty for none) */
public record EncryptCommand(Caller caller, KeyId keyId, byte[] plaintext, byte[] context) {

    /** Without an encryption context. */
    public EncryptCommand(Caller caller, KeyId keyId, byte[] plaintext) {
        this(caller, keyId, plaintext, new byte[0]);
    }

    public EncryptCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
        plaintext = plaintext.clone();
        context = context == null ? new byte[0] : context.clone();
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    @Override
    public byte[] context() {
        return context.clone();
    }

    @Override
    public String toString() {
        return "EncryptCommand[" + keyId + ", " + plaintext.length + " bytes]";
    }
}
