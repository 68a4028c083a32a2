package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/**
 * A key's alias and description, changed in any state but pending deletion; the alias stays unique in its scope.
 * Material, state and every other attribute are left as they are, and the change is in the audit trail.
 */
public interface UpdateKeyAttributesUseCase {

    KeyView updateAlias(UpdateAliasCommand command);

    KeyView updateDescription(UpdateDescriptionCommand command);
}
