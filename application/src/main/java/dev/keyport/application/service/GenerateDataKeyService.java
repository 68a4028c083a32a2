package dev.keyport.application.service;

import dev.keyport.application.port.in.GenerateDataKeyCommand;
import dev.keyport.application.port.in.GenerateDataKeyResult;
import dev.keyport.application.port.in.GenerateDataKeyUseCase;
import dev.keyport.domain.DataKey;
import dev.keyport.domain.KeyOperation;
import java.security.SecureRandom;
import java.util.Objects;

public final class GenerateDataKeyService implements GenerateDataKeyUseCase {

    private final KeyUnitOfWork unitOfWork;
    private final SecureRandom random;

    public GenerateDataKeyService(KeyUnitOfWork unitOfWork, SecureRandom random) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public GenerateDataKeyResult generateDataKey(GenerateDataKeyCommand c) {
        return unitOfWork.useAudited(c.caller(), c.keyId(), KeyOperation.GENERATE_DATA_KEY, (key, now) -> {
            DataKey made = key.generateDataKey(c.bytes(), c.context(), now, random);
            if (c.withPlaintext()) {
                return new GenerateDataKeyResult(key.id(), made.ciphertext(), made.plaintext());
            }
            made.erase();
            return new GenerateDataKeyResult(key.id(), made.ciphertext(), null);
        }, made -> c.bytes() + " bytes" + (c.withPlaintext() ? "" : ", without plaintext"));
    }
}
