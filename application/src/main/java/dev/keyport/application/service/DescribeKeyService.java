package dev.keyport.application.service;

import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DescribeKeyUseCase;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class DescribeKeyService implements DescribeKeyUseCase {

    private final KeyUnitOfWork unitOfWork;

    public DescribeKeyService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView describeKey(DescribeKeyCommand command) {
        return unitOfWork.use(command.caller(), command.keyId(), (key, now) -> key.viewAt(now));
    }
}
