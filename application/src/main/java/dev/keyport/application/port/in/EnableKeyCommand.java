package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Objects;

public record EnableKeyCommand(Caller caller, KeyId keyId) {

    public EnableKeyCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
    }
}
