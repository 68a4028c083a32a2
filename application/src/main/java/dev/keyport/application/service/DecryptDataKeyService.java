package dev.keyport.application.service;

import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DecryptDataKeyUseCase;
import dev.keyport.application.port.in.DecryptResult;
import dev.keyport.domain.Ciphertext;
import dev.keyport.domain.KeyOperation;
import java.util.Arrays;
import java.util.Objects;

public final class DecryptDataKeyService implements DecryptDataKeyUseCase {

    private final KeyUnitOfWork unitOfWork;

    public DecryptDataKeyService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public DecryptResult decryptDataKey(DecryptCommand c) {
        byte[] ciphertext = c.ciphertext();
        return unitOfWork.useAudited(c.caller(), Ciphertext.keyIdOf(ciphertext), KeyOperation.DECRYPT_DATA_KEY,
                (key, now) -> {
                    byte[] dataKey = key.decryptDataKey(ciphertext, c.context(), now);
                    try {
                        return new DecryptResult(key.id(), dataKey); // which keeps a copy
                    } finally {
                        Arrays.fill(dataKey, (byte) 0);
                    }
                }, result -> Ciphertext.plaintextLengthOf(ciphertext) + " bytes");
    }
}
