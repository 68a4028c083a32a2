package dev.keyport.application.service;

import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EnableKeyUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class EnableKeyService implements EnableKeyUseCase {

    private final KeyUnitOfWork unitOfWork;

    public EnableKeyService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView enableKey(EnableKeyCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.ENABLE, (key, now) -> {
            key.enable(now);
            return key.view();
        });
    }
}
