package dev.keyport.application.port.in;

import dev.keyport.domain.Description;
import dev.keyport.domain.KeyId;
import java.util.Objects;

public record UpdateDescriptionCommand(Caller caller, KeyId keyId, Description description) {

    public UpdateDescriptionCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(description, "description");
    }
}
