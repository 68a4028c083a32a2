package dev.keyport.application.port.in;

import dev.keyport.domain.Alias;
import dev.keyport.domain.KeyId;
import java.util.Objects;

/** The key's new alias, checked under the caller's policy. */
public record UpdateAliasCommand(Caller caller, KeyId keyId, Alias alias) {

    public UpdateAliasCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(alias, "alias");
    }
}
