package dev.keyport.application.service;

import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.DisableKeyUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class DisableKeyService implements DisableKeyUseCase {

    private final KeyUnitOfWork unitOfWork;

    public DisableKeyService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView disableKey(DisableKeyCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.DISABLE, (key, now) -> {
            key.disable(now);
            return key.view();
        });
    }
}
