package dev.keyport.application.port.in;

import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * @param keyId the id the key must have (a seed file's fixed ids); empty for a new random one
 */
public record CreateKeyCommand(Caller caller, Alias alias, Description description, KeyUsage usage, Origin origin,
                               Optional<KeyId> keyId) {

    /** A key with a new random id. */
    public CreateKeyCommand(Caller caller, Alias alias, Description description, KeyUsage usage, Origin origin) {
        this(caller, alias, description, usage, origin, Optional.empty());
    }

    public CreateKeyCommand {
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(origin, "origin");
    }
}
