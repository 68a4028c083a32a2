package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Objects;

public record CancelKeyDeletionCommand(Caller caller, KeyId keyId) {

    public CancelKeyDeletionCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
    }
}
