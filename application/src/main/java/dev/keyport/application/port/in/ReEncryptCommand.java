package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Objects;
import java.util.Optional;

/**
 * A ciphertext to open under the key it names, with {@code sourceContext}, and to seal again under
 * {@code destination} (empty: the same key) with {@code destinationContext}.
 */
public record ReEncryptCommand(Caller caller, byte[] ciphertext, byte[] sourceContext, Optional<KeyId> destination,
                               byte[] destinationContext) {

    public ReEncryptCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(destination, "destination");
        ciphertext = ciphertext.clone();
        sourceContext = sourceContext == null ? new byte[0] : sourceContext.clone();
        destinationContext = destinationContext == null ? new byte[0] : destinationContext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] sourceContext() {
        return sourceContext.clone();
    }

    @Override
    public byte[] destinationContext() {
        return destinationContext.clone();
    }
}
