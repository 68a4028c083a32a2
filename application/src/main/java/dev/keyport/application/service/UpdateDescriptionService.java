package dev.keyport.application.service;

import dev.keyport.application.port.in.UpdateDescriptionCommand;
import dev.keyport.application.port.in.UpdateDescriptionUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class UpdateDescriptionService implements UpdateDescriptionUseCase {

    private final KeyUnitOfWork unitOfWork;

    public UpdateDescriptionService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView updateDescription(UpdateDescriptionCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.UPDATE_DESCRIPTION, (key, now) -> {
            key.updateDescription(c.description(), now);
            return key.view();
        });
    }
}
