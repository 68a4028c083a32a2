package dev.keyport.application.service;

import dev.keyport.application.port.in.EnableKeysUseCase;
import dev.keyport.application.port.in.KeysCommand;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.List;
import java.util.Objects;

public final class EnableKeysService implements EnableKeysUseCase {

    private final KeyUnitOfWork unitOfWork;

    public EnableKeysService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public List<KeyView> enableKeys(KeysCommand c) {
        return unitOfWork.changeAll(c.caller(), c.keyIds(), KeyOperation.ENABLE, (key, now) -> {
            key.enable(now);
            return key.view();
        });
    }
}
