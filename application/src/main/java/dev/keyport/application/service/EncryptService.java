package dev.keyport.application.service;

import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.EncryptResult;
import dev.keyport.application.port.in.EncryptUseCase;
import java.security.SecureRandom;
import java.util.Objects;

public final class EncryptService implements EncryptUseCase {

    private final KeyOperations operations;
    private final SecureRandom random;

    public EncryptService(KeyOperations operations, SecureRandom random) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public EncryptResult encrypt(EncryptCommand c) {
        return operations.use(c.caller(), c.keyId(),
                (key, now) -> new EncryptResult(key.id(), key.encrypt(c.plaintext(), c.context(), now, random)));
    }
}
