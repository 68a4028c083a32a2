package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Objects;

public record DeleteImportedKeyMaterialCommand(Caller caller, KeyId keyId) {

    public DeleteImportedKeyMaterialCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
    }
}
