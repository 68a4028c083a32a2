package dev.keyport.adapter.huawei;

import dev.keyport.application.port.out.StoreUnavailableException;
import dev.keyport.application.testing.DelegatingKeyRepository;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import java.util.Optional;

/** An in-memory repository that can be told to break. */
final class FaultyRepository extends DelegatingKeyRepository {

    volatile boolean broken;
    /** As the JDBC store does when the database cannot be reached. */
    volatile boolean unavailable;

    @Override
    public Optional<Cmk> find(KeyScope scope, KeyId id) {
        if (broken) {
            throw new IllegalStateException("the disk is on fire (this must not reach a client)");
        }
        if (unavailable) {
            throw new StoreUnavailableException("no database connection within 2000 ms\nforged line",
                    new java.sql.SQLTransientConnectionException("Connection is not available"));
        }
        return super.find(scope, id);
    }
}
