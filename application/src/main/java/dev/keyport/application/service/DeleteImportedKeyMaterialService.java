package dev.keyport.application.service;

import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

/** The heart of Keyport: the imported material goes, the key stays, in PendingImport. */
public final class DeleteImportedKeyMaterialService implements DeleteImportedKeyMaterialUseCase {

    private final KeyOperations operations;

    public DeleteImportedKeyMaterialService(KeyOperations operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    @Override
    public KeyView deleteImportedKeyMaterial(DeleteImportedKeyMaterialCommand c) {
        return operations.change(c.caller(), c.keyId(), KeyOperation.DELETE_MATERIAL, (key, now) -> {
            key.deleteImportedMaterial(now);
            return key.view();
        });
    }
}
