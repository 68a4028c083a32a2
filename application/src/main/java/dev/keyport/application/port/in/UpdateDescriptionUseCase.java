package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** A key's description, changed in any state but pending deletion, as {@link UpdateAliasUseCase} changes the alias. */
public interface UpdateDescriptionUseCase {

    KeyView updateDescription(UpdateDescriptionCommand command);
}
