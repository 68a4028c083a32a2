package dev.keyport.adapter.tencent;

import dev.keyport.application.testing.DelegatingKeyRepository;
import dev.keyport.domain.Cmk;
import java.util.concurrent.atomic.AtomicLong;

/** An in-memory repository that counts the changes it stored: a refused request must store none. */
final class CountingRepository extends DelegatingKeyRepository {

    final AtomicLong changes = new AtomicLong();

    @Override
    public void add(Cmk key) {
        super.add(key);
        changes.incrementAndGet();
    }

    @Override
    public void update(Cmk key) {
        super.update(key);
        changes.incrementAndGet();
    }

    @Override
    public void remove(Cmk key) {
        super.remove(key);
        changes.incrementAndGet();
    }
}
