package dev.keyport.application.service;

import dev.keyport.application.port.in.UpdateAliasCommand;
import dev.keyport.application.port.in.UpdateDescriptionCommand;
import dev.keyport.application.port.in.UpdateKeyAttributesUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class UpdateKeyAttributesService implements UpdateKeyAttributesUseCase {

    private final KeyUnitOfWork unitOfWork;

    public UpdateKeyAttributesService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView updateAlias(UpdateAliasCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.UPDATE_ALIAS, (key, now) -> {
            key.updateAlias(c.alias(), c.caller().policy(), now);
            return key.view();
        });
    }

    @Override
    public KeyView updateDescription(UpdateDescriptionCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.UPDATE_DESCRIPTION, (key, now) -> {
            key.updateDescription(c.description(), now);
            return key.view();
        });
    }
}
