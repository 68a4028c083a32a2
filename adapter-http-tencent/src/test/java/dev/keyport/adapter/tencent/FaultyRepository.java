package dev.keyport.adapter.tencent;

import dev.keyport.application.port.out.StoreUnavailableException;
import dev.keyport.application.testing.DelegatingKeyRepository;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import java.util.Optional;

/** An in-memory repository that can be told to fail: a broken store, or one where every save loses a race. */
final class FaultyRepository extends DelegatingKeyRepository {

    enum Fault { NONE, BROKEN, ALWAYS_RACING, UNREACHABLE }

    volatile Fault fault = Fault.NONE;

    @Override
    public Optional<Cmk> find(KeyScope scope, KeyId id) {
        if (fault == Fault.BROKEN) {
            throw new IllegalStateException("the disk is on fire at /var/lib/keyport (stack trace must not leak)");
        }
        if (fault == Fault.UNREACHABLE) {
            throw new StoreUnavailableException("no connection within 2000 ms\nto db.internal:5432",
                    new java.sql.SQLTransientConnectionException("Connection is not available"));
        }
        return super.find(scope, id);
    }

    @Override
    public void update(Cmk key) {
        if (fault == Fault.ALWAYS_RACING) {
            throw new ConcurrentKeyChangeException(key.id());
        }
        super.update(key);
    }
}
