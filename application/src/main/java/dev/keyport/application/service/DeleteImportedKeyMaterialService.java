package dev.keyport.application.service;

import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

/** The heart of Keyport: the imported material goes, the key stays, in PendingImport. */
public final class DeleteImportedKeyMaterialService implements DeleteImportedKeyMaterialUseCase {

    private final KeyUnitOfWork unitOfWork;

    public DeleteImportedKeyMaterialService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView deleteImportedKeyMaterial(DeleteImportedKeyMaterialCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.DELETE_MATERIAL, (key, now) -> {
            key.deleteImportedKeyMaterial(now);
            return key.view();
        });
    }
}
