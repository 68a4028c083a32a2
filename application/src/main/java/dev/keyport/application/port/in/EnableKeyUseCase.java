package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** Disabled → Enabled. */
public interface EnableKeyUseCase {

    KeyView enableKey(EnableKeyCommand command);
}
