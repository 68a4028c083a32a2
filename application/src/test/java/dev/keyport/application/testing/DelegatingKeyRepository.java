package dev.keyport.application.testing;

import dev.keyport.application.inmemory.InMemoryKeyRepository;
import dev.keyport.application.port.out.KeyPage;
import dev.keyport.application.port.out.KeyQuery;
import dev.keyport.application.port.out.KeyRef;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** An in-memory repository to which a test adds faults by overriding the one method it wants to break. */
public abstract class DelegatingKeyRepository implements KeyRepository {

    private final InMemoryKeyRepository delegate = new InMemoryKeyRepository();

    @Override
    public Optional<Cmk> find(KeyScope scope, KeyId id) {
        return delegate.find(scope, id);
    }

    @Override
    public void add(Cmk key) {
        delegate.add(key);
    }

    @Override
    public void addAll(List<Cmk> keys) {
        delegate.addAll(keys);
    }

    @Override
    public List<KeyRef> findStored(Collection<KeyId> ids) {
        return delegate.findStored(ids);
    }

    @Override
    public void update(Cmk key) {
        delegate.update(key);
    }

    @Override
    public void remove(Cmk key) {
        delegate.remove(key);
    }

    @Override
    public KeyPage list(KeyScope scope, KeyQuery query) {
        return delegate.list(scope, query);
    }

    @Override
    public List<KeyRef> findMaterialExpiryDue(Instant now, int limit) {
        return delegate.findMaterialExpiryDue(now, limit);
    }

    @Override
    public List<KeyRef> findPurgeDue(Instant now, int limit) {
        return delegate.findPurgeDue(now, limit);
    }

    @Override
    public int removeExpiredGrants(Instant now) {
        return delegate.removeExpiredGrants(now);
    }
}
