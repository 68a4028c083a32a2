package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;
import java.util.List;

/** Disabled → Enabled for several keys, all or nothing: one key that cannot be enabled leaves every key as it was. */
public interface EnableKeysUseCase {

    List<KeyView> enableKeys(KeysCommand command);
}
