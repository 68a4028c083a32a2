package dev.keyport.application.service;

import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DescribeKeyUseCase;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class DescribeKeyService implements DescribeKeyUseCase {

    private final KeyOperations operations;

    public DescribeKeyService(KeyOperations operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    @Override
    public KeyView describeKey(DescribeKeyCommand command) {
        return operations.use(command.caller(), command.keyId(), (key, now) -> key.view());
    }
}
