package dev.keyport.application.service;

import dev.keyport.application.port.in.BindCloudResourceUseCase;
import dev.keyport.application.port.in.CloudResourceCommand;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyView;
import java.util.Objects;

public final class BindCloudResourceService implements BindCloudResourceUseCase {

    private final KeyOperations operations;

    public BindCloudResourceService(KeyOperations operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    @Override
    public KeyView bindCloudResource(CloudResourceCommand c) {
        return operations.change(c.caller(), c.keyId(), KeyOperation.BIND_CLOUD_RESOURCE, (key, now) -> {
            key.bind(c.resource(), now);
            return key.view();
        });
    }
}
