package dev.keyport.application.service;

import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.CreateKeyUseCase;
import dev.keyport.application.port.out.KeyIdGenerator;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.Origin;
import java.security.SecureRandom;
import java.util.Objects;

public final class CreateKeyService implements CreateKeyUseCase {

    private final KeyOperations operations;
    private final KeyIdGenerator ids;
    private final SecureRandom random;

    public CreateKeyService(KeyOperations operations, KeyIdGenerator ids, SecureRandom random) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public KeyView createKey(CreateKeyCommand c) {
        return operations.create(c.caller(), now -> c.origin() == Origin.EXTERNAL
                        ? Cmk.createExternal(ids.next(), c.caller().scope(), c.alias(), c.description(), c.usage(),
                                c.policy(), now)
                        : Cmk.createWithGeneratedMaterial(ids.next(), c.caller().scope(), c.alias(), c.description(),
                                c.usage(), c.policy(), now, random),
                Cmk::view);
    }
}
