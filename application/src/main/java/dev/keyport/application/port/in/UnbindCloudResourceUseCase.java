package dev.keyport.application.port.in;

import dev.keyport.domain.KeyView;

/** Removes a cloud resource's binding to a key. */
public interface UnbindCloudResourceUseCase {

    KeyView unbindCloudResource(CloudResourceCommand command);
}
