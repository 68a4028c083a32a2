package dev.keyport.application.port.in;

import java.util.Objects;

public record DecryptCommand(Caller caller, byte[] ciphertext, byte[] context) {

    /** Without an encryption context. */
    public DecryptCommand(Caller caller, byte[] ciphertext) {
        this(caller, ciphertext, new byte[0]);
    }

    public DecryptCommand {
        Objects.requireNonNull(caller, "caller");
        ciphertext = ciphertext.clone();
        context = context == null ? new byte[0] : context.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] context() {
        return context.clone();
    }
}
