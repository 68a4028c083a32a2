package dev.keyport.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.inmemory.InMemoryAuditLog;
import dev.keyport.application.inmemory.InMemoryKeyRepository;
import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.application.testing.DelegatingKeyRepository;
import dev.keyport.application.testing.MutableClock;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.Description;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.KeyChange;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A change that loses a race is retried a bounded number of times; no change is ever silently overwritten. */
class ConcurrencyTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final Caller caller = new Caller(KeyScope.of("tenant-a", "ap-guangzhou"), "AKID", "req", LifecyclePolicy.NEUTRAL);

    /** A repository that lets {@code conflicts} updates lose a race before it lets them through. */
    private static final class RacingRepository extends DelegatingKeyRepository {
        private final AtomicInteger conflicts;
        final AtomicInteger updates = new AtomicInteger();

        RacingRepository(int conflicts) {
            this.conflicts = new AtomicInteger(conflicts);
        }

        @Override
        public void update(Cmk key) {
            updates.incrementAndGet();
            if (conflicts.getAndDecrement() > 0) {
                throw new ConcurrentKeyChangeException(key.id());
            }
            super.update(key);
        }
    }

    private KeyId createKey(Keyport keyport) {
        return keyport.createKey(new CreateKeyCommand(caller.withPolicy(LifecyclePolicy.TENCENT), Alias.of("k"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
    }

    @Test
    void aLostRaceIsRetriedAndSucceeds() {
        RacingRepository keys = new RacingRepository(KeyUnitOfWork.MAX_ATTEMPTS - 1);
        InMemoryAuditLog audit = new InMemoryAuditLog();
        Keyport keyport = Keyport.builder().clock(new MutableClock(T0)).storage(new InMemoryKeyStorage(keys, audit))
                .build();
        KeyId id = createKey(keyport);

        assertThat(keyport.disableKey(new DisableKeyCommand(caller, id)).state()).isEqualTo(KeyState.DISABLED);
        assertThat(keys.updates).hasValue(KeyUnitOfWork.MAX_ATTEMPTS);
        assertThat(audit.records()).filteredOn(r -> r.change().equals(Optional.of(KeyChange.DISABLED))).hasSize(1);
    }

    @Test
    void tooManyLostRacesEndInAClearConflictAndChangeNothing() {
        RacingRepository keys = new RacingRepository(KeyUnitOfWork.MAX_ATTEMPTS);
        InMemoryAuditLog audit = new InMemoryAuditLog();
        Keyport keyport = Keyport.builder().clock(new MutableClock(T0)).storage(new InMemoryKeyStorage(keys, audit))
                .build();
        KeyId id = createKey(keyport);

        assertThatThrownBy(() -> keyport.disableKey(new DisableKeyCommand(caller, id)))
                .isInstanceOfSatisfying(ConcurrentKeyChangeException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.CONCURRENT_MODIFICATION));
        assertThat(keys.updates).hasValue(KeyUnitOfWork.MAX_ATTEMPTS);
        assertThat(keyport.describeKey(new DescribeKeyCommand(caller, id)).state()).isEqualTo(KeyState.ENABLED);
        assertThat(audit.records()).last().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.REFUSED);
            assertThat(r.error()).contains(DomainErrorCode.CONCURRENT_MODIFICATION);
        });
    }

    @Test
    void racingEnableAndDisableEndConsistentWithTheChangesThatSucceeded() throws Exception {
        InMemoryAuditLog audit = new InMemoryAuditLog();
        Keyport keyport = Keyport.builder().clock(new MutableClock(T0))
                .storage(new InMemoryKeyStorage(new InMemoryKeyRepository(), audit)).build();
        KeyId id = createKey(keyport);
        int threads = 8;
        int rounds = 200;
        AtomicInteger enabled = new AtomicInteger();
        AtomicInteger disabled = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean enabler = t % 2 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        try {
                            if (enabler) {
                                keyport.enableKey(new EnableKeyCommand(caller, id));
                                enabled.incrementAndGet();
                            } else {
                                keyport.disableKey(new DisableKeyCommand(caller, id));
                                disabled.incrementAndGet();
                            }
                        } catch (DomainException refused) {
                            assertThat(refused.code()).isIn(DomainErrorCode.KEY_NOT_DISABLED,
                                    DomainErrorCode.KEY_NOT_ENABLED, DomainErrorCode.CONCURRENT_MODIFICATION);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // a serial history of Enabled→Disabled→Enabled… : the successes alternate, starting with a disable
        KeyState end = keyport.describeKey(new DescribeKeyCommand(caller, id)).state();
        assertThat(disabled.get() - enabled.get()).isEqualTo(end == KeyState.DISABLED ? 1 : 0);
        List<KeyChange> history = audit.records().stream().flatMap(r -> r.change().stream())
                .filter(c -> c == KeyChange.ENABLED || c == KeyChange.DISABLED).toList();
        assertThat(history).hasSize(enabled.get() + disabled.get());
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i)).isEqualTo(i % 2 == 0 ? KeyChange.DISABLED : KeyChange.ENABLED);
        }
        assertThat(enabled.get() + disabled.get()).as("some changes happened").isPositive();
    }
}
