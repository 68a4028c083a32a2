package dev.keyport.application.service;

import dev.keyport.application.port.in.DisableKeysUseCase;
import dev.keyport.application.port.in.KeysCommand;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.List;
import java.util.Objects;

public final class DisableKeysService implements DisableKeysUseCase {

    private final KeyUnitOfWork unitOfWork;

    public DisableKeysService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public List<KeyView> disableKeys(KeysCommand c) {
        return unitOfWork.changeAll(c.caller(), c.keyIds(), KeyOperation.DISABLE, (key, now) -> {
            key.disable(now);
            return key.view();
        });
    }
}
