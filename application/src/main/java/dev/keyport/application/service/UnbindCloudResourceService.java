package dev.keyport.application.service;

import dev.keyport.application.port.in.CloudResourceCommand;
import dev.keyport.application.port.in.UnbindCloudResourceUseCase;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class UnbindCloudResourceService implements UnbindCloudResourceUseCase {

    private final KeyUnitOfWork unitOfWork;

    public UnbindCloudResourceService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView unbindCloudResource(CloudResourceCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.UNBIND_CLOUD_RESOURCE, (key, now) -> {
            key.unbind(c.resource(), now);
            return key.view();
        });
    }
}
