package dev.keyport.application.inmemory;

import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.KeyRepositoryContract;
import dev.keyport.application.port.out.TransactionBoundary;

class InMemoryKeyRepositoryTest extends KeyRepositoryContract {

    @Override
    protected KeyRepository repository() {
        return new InMemoryKeyRepository();
    }

    @Override
    protected TransactionBoundary transactions() {
        return new InMemoryTransactions();
    }
}
