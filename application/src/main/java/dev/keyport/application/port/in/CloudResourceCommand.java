package dev.keyport.application.port.in;

import dev.keyport.domain.CloudResource;
import dev.keyport.domain.KeyId;
import java.util.Objects;

public record CloudResourceCommand(Caller caller, KeyId keyId, CloudResource resource) {

    public CloudResourceCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(resource, "resource");
    }
}
