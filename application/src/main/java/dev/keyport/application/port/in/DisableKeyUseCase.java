package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** Enabled → Disabled; refused while the key is bound to a cloud resource. */
public interface DisableKeyUseCase {

    KeyView disableKey(DisableKeyCommand command);
}
