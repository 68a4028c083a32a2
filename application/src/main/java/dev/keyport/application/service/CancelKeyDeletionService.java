package dev.keyport.application.service;

import dev.keyport.application.port.in.CancelKeyDeletionCommand;
import dev.keyport.application.port.in.CancelKeyDeletionUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class CancelKeyDeletionService implements CancelKeyDeletionUseCase {

    private final KeyUnitOfWork unitOfWork;

    public CancelKeyDeletionService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView cancelKeyDeletion(CancelKeyDeletionCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.CANCEL_DELETION, (key, now) -> {
            key.cancelDeletion(now);
            return key.view();
        });
    }
}
