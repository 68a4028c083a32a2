package dev.keyport.application.service;

import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.ImportKeyMaterialUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.security.SecureRandom;
import java.util.Objects;

public final class ImportKeyMaterialService implements ImportKeyMaterialUseCase {

    private final KeyOperations operations;
    private final SecureRandom random;

    public ImportKeyMaterialService(KeyOperations operations, SecureRandom random) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public KeyView importKeyMaterial(ImportKeyMaterialCommand c) {
        return operations.change(c.caller(), c.keyId(), KeyOperation.IMPORT_MATERIAL, (key, now) -> {
            key.importMaterial(c.token(), c.wrappedMaterial(), c.expiresAt().orElse(null), c.policy(), now, random);
            return key.view();
        });
    }
}
