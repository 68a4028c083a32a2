package dev.keyport.application.service;

import dev.keyport.application.port.in.ListKeysCommand;
import dev.keyport.application.port.in.ListKeysUseCase;
import dev.keyport.application.port.out.KeyPage;
import dev.keyport.application.port.out.KeyQuery;
import dev.keyport.application.port.out.KeyRepository;
import java.util.Objects;

public final class ListKeysService implements ListKeysUseCase {

    private final KeyOperations operations;
    private final KeyRepository keys;

    public ListKeysService(KeyOperations operations, KeyRepository keys) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public KeyPage listKeys(ListKeysCommand c) {
        return operations.query(now -> keys.list(c.caller().scope(), new KeyQuery(c.states(), c.origin(),
                c.usage(), c.search(), c.newestFirst(), c.offset(), c.limit(), now)));
    }
}
