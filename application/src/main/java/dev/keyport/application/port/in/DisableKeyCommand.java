package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Objects;

public record DisableKeyCommand(Caller caller, KeyId keyId) {

    public DisableKeyCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
    }
}
