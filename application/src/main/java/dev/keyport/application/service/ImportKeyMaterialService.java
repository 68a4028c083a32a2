package dev.keyport.application.service;

import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.ImportKeyMaterialUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.security.SecureRandom;
import java.util.Objects;

public final class ImportKeyMaterialService implements ImportKeyMaterialUseCase {

    private final KeyUnitOfWork unitOfWork;
    private final SecureRandom random;

    public ImportKeyMaterialService(KeyUnitOfWork unitOfWork, SecureRandom random) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public KeyView importKeyMaterial(ImportKeyMaterialCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.IMPORT_MATERIAL, (key, now) -> {
            key.importMaterial(c.token(), c.wrappedMaterial(), c.expiresAt().orElse(null), c.caller().policy(), now, random);
            return key.view();
        });
    }
}
