package dev.keyport.application.port.out;

import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import java.util.Objects;

/** Where to find a key: for work that is not done on behalf of one caller, such as the sweeps. */
public record KeyRef(KeyScope scope, KeyId id) {

    public KeyRef {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
    }
}
