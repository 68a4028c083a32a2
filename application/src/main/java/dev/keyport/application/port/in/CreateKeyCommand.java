package dev.keyport.application.port.in;

import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import java.util.Objects;

public record CreateKeyCommand(Caller caller, Alias alias, Description description, KeyUsage usage, Origin origin,
                               LifecyclePolicy policy) {

    public CreateKeyCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(policy, "policy");
    }
}
