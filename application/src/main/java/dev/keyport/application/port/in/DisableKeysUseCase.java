package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;
import java.util.List;

/** Enabled → Disabled for several keys, all or nothing, as {@link EnableKeysUseCase}. */
public interface DisableKeysUseCase {

    List<KeyView> disableKeys(KeysCommand command);
}
