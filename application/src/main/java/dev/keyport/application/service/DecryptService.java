package dev.keyport.application.service;

import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DecryptResult;
import dev.keyport.application.port.in.DecryptUseCase;
import dev.keyport.domain.Ciphertext;
import dev.keyport.domain.KeyId;
import java.util.Objects;

public final class DecryptService implements DecryptUseCase {

    private final KeyUnitOfWork unitOfWork;

    public DecryptService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public DecryptResult decrypt(DecryptCommand c) {
        byte[] ciphertext = c.ciphertext();
        KeyId keyId = Ciphertext.keyIdOf(ciphertext);
        return unitOfWork.use(c.caller(), keyId,
                (key, now) -> new DecryptResult(key.id(), key.decrypt(ciphertext, c.context(), now)));
    }
}
