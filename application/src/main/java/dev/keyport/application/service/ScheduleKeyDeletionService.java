package dev.keyport.application.service;

import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.in.ScheduleKeyDeletionUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class ScheduleKeyDeletionService implements ScheduleKeyDeletionUseCase {

    private final KeyUnitOfWork unitOfWork;

    public ScheduleKeyDeletionService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView scheduleKeyDeletion(ScheduleKeyDeletionCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.SCHEDULE_DELETION, (key, now) -> {
            key.scheduleDeletion(c.pendingDays(), c.caller().policy(), now);
            return key.view();
        });
    }
}
