package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import dev.keyport.domain.LifecyclePolicy;
import java.util.Objects;

public record ScheduleKeyDeletionCommand(Caller caller, KeyId keyId, int pendingDays, LifecyclePolicy policy) {

    public ScheduleKeyDeletionCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(policy, "policy");
    }
}
