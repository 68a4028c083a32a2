package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** Creates a key: Keyport-generated material (Enabled) or EXTERNAL (PendingImport, no material). */
public interface CreateKeyUseCase {

    KeyView createKey(CreateKeyCommand command);
}
