package dev.keyport.application.service;

import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.EncryptResult;
import dev.keyport.application.port.in.EncryptUseCase;
import java.security.SecureRandom;
import java.util.Objects;

public final class EncryptService implements EncryptUseCase {

    private final KeyUnitOfWork unitOfWork;
    private final SecureRandom random;

    public EncryptService(KeyUnitOfWork unitOfWork, SecureRandom random) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public EncryptResult encrypt(EncryptCommand c) {
        return unitOfWork.use(c.caller(), c.keyId(),
                (key, now) -> new EncryptResult(key.id(), key.encrypt(c.plaintext(), c.context(), now, random)));
    }
}
