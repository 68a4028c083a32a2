package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** Deletes the imported material of an EXTERNAL key: Enabled or Disabled → PendingImport; the key stays. */
public interface DeleteImportedKeyMaterialUseCase {

    KeyView deleteImportedKeyMaterial(DeleteImportedKeyMaterialCommand command);
}
