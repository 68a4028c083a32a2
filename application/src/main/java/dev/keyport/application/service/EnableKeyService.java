package dev.keyport.application.service;

import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EnableKeyUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class EnableKeyService implements EnableKeyUseCase {

    private final KeyOperations operations;

    public EnableKeyService(KeyOperations operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    @Override
    public KeyView enableKey(EnableKeyCommand c) {
        return operations.change(c.caller(), c.keyId(), KeyOperation.ENABLE, (key, now) -> {
            key.enable(now);
            return key.view();
        });
    }
}
