package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** Imports wrapped material into an EXTERNAL key; the first import binds the key to that material for ever. */
public interface ImportKeyMaterialUseCase {

    KeyView importKeyMaterial(ImportKeyMaterialCommand command);
}
