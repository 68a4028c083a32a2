package dev.keyport.application.service;

import dev.keyport.application.port.in.EncryptDataKeyCommand;
import dev.keyport.application.port.in.EncryptDataKeyUseCase;
import dev.keyport.application.port.in.EncryptResult;
import dev.keyport.domain.KeyOperation;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

public final class EncryptDataKeyService implements EncryptDataKeyUseCase {

    private final KeyUnitOfWork unitOfWork;
    private final SecureRandom random;

    public EncryptDataKeyService(KeyUnitOfWork unitOfWork, SecureRandom random) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public EncryptResult encryptDataKey(EncryptDataKeyCommand c) {
        byte[] dataKey = c.dataKey();
        try {
            return unitOfWork.useAudited(c.caller(), c.keyId(), KeyOperation.ENCRYPT_DATA_KEY, (key, now) ->
                            new EncryptResult(key.id(), key.encryptDataKey(dataKey, c.context(), now, random)),
                    result -> dataKey.length + " bytes");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }
}
