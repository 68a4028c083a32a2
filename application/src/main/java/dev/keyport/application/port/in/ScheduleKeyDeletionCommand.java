package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Objects;

public record ScheduleKeyDeletionCommand(Caller caller, KeyId keyId, int pendingDays) {

    public ScheduleKeyDeletionCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
    }
}
