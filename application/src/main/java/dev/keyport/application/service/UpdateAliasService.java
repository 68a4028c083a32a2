package dev.keyport.application.service;

import dev.keyport.application.port.in.UpdateAliasCommand;
import dev.keyport.application.port.in.UpdateAliasUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class UpdateAliasService implements UpdateAliasUseCase {

    private final KeyUnitOfWork unitOfWork;

    public UpdateAliasService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView updateAlias(UpdateAliasCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.UPDATE_ALIAS, (key, now) -> {
            key.updateAlias(c.alias(), c.caller().policy(), now);
            return key.view();
        });
    }
}
