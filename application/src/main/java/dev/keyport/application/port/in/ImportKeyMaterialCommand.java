package dev.keyport.application.port.in;

import dev.keyport.domain.ImportToken;
import dev.keyport.domain.KeyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * @param wrappedMaterial the material encrypted under the public key issued with {@code token}
 * @param expiresAt       when the material expires; empty for never
 */
public record ImportKeyMaterialCommand(Caller caller, KeyId keyId, ImportToken token, byte[] wrappedMaterial,
                                       Optional<Instant> expiresAt) {

    public ImportKeyMaterialCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expires at");
        wrappedMaterial = wrappedMaterial.clone();
    }

    @Override
    public byte[] wrappedMaterial() {
        return wrappedMaterial.clone();
    }

    @Override
    public String toString() {
        return "ImportKeyMaterialCommand[" + keyId + "]";
    }
}
