package dev.keyport.application.service;

import dev.keyport.application.port.in.ListKeysCommand;
import dev.keyport.application.port.in.ListKeysUseCase;
import dev.keyport.application.port.out.KeyPage;
import dev.keyport.application.port.out.KeyQuery;
import dev.keyport.application.port.out.KeyRepository;
import java.util.Objects;

public final class ListKeysService implements ListKeysUseCase {

    private final KeyUnitOfWork unitOfWork;
    private final KeyRepository keys;

    public ListKeysService(KeyUnitOfWork unitOfWork, KeyRepository keys) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public KeyPage listKeys(ListKeysCommand c) {
        return unitOfWork.query(now -> keys.list(c.caller().scope(), new KeyQuery(c.states(), c.origin(),
                c.usage(), c.search(), c.newestFirst(), c.offset(), c.limit(), now)));
    }
}
