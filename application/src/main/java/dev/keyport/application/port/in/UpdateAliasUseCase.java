package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/**
 * A key's alias, changed in any state but pending deletion, unique in its scope; material, state and every other
 * attribute are left as they are, and the change is in the audit trail.
 */
public interface UpdateAliasUseCase {

    KeyView updateAlias(UpdateAliasCommand command);
}
