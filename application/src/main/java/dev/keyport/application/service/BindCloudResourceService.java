package dev.keyport.application.service;

import dev.keyport.application.port.in.BindCloudResourceUseCase;
import dev.keyport.application.port.in.CloudResourceCommand;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class BindCloudResourceService implements BindCloudResourceUseCase {

    private final KeyUnitOfWork unitOfWork;

    public BindCloudResourceService(KeyUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
    }

    @Override
    public KeyView bindCloudResource(CloudResourceCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.BIND_CLOUD_RESOURCE, (key, now) -> {
            key.bind(c.resource(), now);
            return key.view();
        });
    }
}
