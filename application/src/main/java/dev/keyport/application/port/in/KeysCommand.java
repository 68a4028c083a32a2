package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.List;
import java.util.Objects;

/** Several keys of the caller's scope, each named once, changed together (EnableKeys, DisableKeys). */
public record KeysCommand(Caller caller, List<KeyId> keyIds) {

    public KeysCommand {
        Objects.requireNonNull(caller, "caller");
        keyIds = List.copyOf(keyIds);
        if (keyIds.stream().distinct().count() != keyIds.size()) {
            throw new IllegalArgumentException("each key is named once");
        }
    }
}
