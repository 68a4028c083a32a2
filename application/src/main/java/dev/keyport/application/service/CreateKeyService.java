package dev.keyport.application.service;

import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.CreateKeyUseCase;
import dev.keyport.application.port.out.KeyIdGenerator;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.Origin;
import java.security.SecureRandom;
import java.util.Objects;

public final class CreateKeyService implements CreateKeyUseCase {

    private final KeyUnitOfWork unitOfWork;
    private final KeyIdGenerator ids;
    private final SecureRandom random;

    public CreateKeyService(KeyUnitOfWork unitOfWork, KeyIdGenerator ids, SecureRandom random) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public KeyView createKey(CreateKeyCommand c) {
        return unitOfWork.create(c.caller(), now -> {
            KeyId id = c.keyId().orElseGet(ids::next);
            return c.origin() == Origin.EXTERNAL
                    ? Cmk.createExternal(id, c.caller().scope(), c.alias(), c.description(), c.usage(),
                            c.caller().policy(), now)
                    : Cmk.createWithGeneratedMaterial(id, c.caller().scope(), c.alias(), c.description(), c.usage(),
                            c.caller().policy(), now, random);
        }, Cmk::view);
    }
}
