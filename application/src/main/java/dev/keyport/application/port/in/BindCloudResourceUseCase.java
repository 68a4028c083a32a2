package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** Records that a cloud resource uses an Enabled key. Idempotent; cancels the material's expiry. */
public interface BindCloudResourceUseCase {

    KeyView bindCloudResource(CloudResourceCommand command);
}
