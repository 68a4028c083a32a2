package dev.keyport.application.service;

import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.in.ScheduleKeyDeletionUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class ScheduleKeyDeletionService implements ScheduleKeyDeletionUseCase {

    private final KeyOperations operations;

    public ScheduleKeyDeletionService(KeyOperations operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    @Override
    public KeyView scheduleKeyDeletion(ScheduleKeyDeletionCommand c) {
        return operations.change(c.caller(), c.keyId(), KeyOperation.SCHEDULE_DELETION, (key, now) -> {
            key.scheduleDeletion(c.pendingDays(), c.policy(), now);
            return key.view();
        });
    }
}
