package dev.keyport.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.inmemory.InMemoryAuditLog;
import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.SeedKeysCommand;
import dev.keyport.application.port.in.SeedKeysResult;
import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.application.testing.DelegatingKeyRepository;
import dev.keyport.application.testing.MutableClock;
import dev.keyport.domain.Alias;
import dev.keyport.domain.AliasAlreadyExistsException;
import dev.keyport.domain.ChangeReason;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.Description;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.KeyChange;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeySeed;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A batch of seeds is one unit of work: the stored ids left alone, the rest made together with one SEEDED record
 * each, nothing of the batch stored when any of it is refused, and the whole batch run again after a lost race.
 */
class SeedKeysTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123Z");
    private static final KeyScope SCOPE = KeyScope.of("tenant-a", "ap-guangzhou");
    private static final String CREDENTIAL = "seeder";

    /** A repository whose batch inserts lose {@code conflicts} races before they go through. */
    private static final class RacingRepository extends DelegatingKeyRepository {
        private final AtomicInteger conflicts;
        final AtomicInteger batches = new AtomicInteger();

        RacingRepository(int conflicts) {
            this.conflicts = new AtomicInteger(conflicts);
        }

        @Override
        public void addAll(List<Cmk> keys) {
            batches.incrementAndGet();
            if (conflicts.getAndDecrement() > 0) {
                throw new ConcurrentKeyChangeException(null);
            }
            super.addAll(keys);
        }
    }

    private final RacingRepository keys = new RacingRepository(0);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final Keyport keyport = keyport(keys);

    private Keyport keyport(DelegatingKeyRepository repository) {
        return Keyport.builder().clock(new MutableClock(T0)).storage(new InMemoryKeyStorage(repository, audit))
                .build();
    }

    private static KeySeed seed(KeyId id, KeyScope scope, String alias, KeyState state) {
        return new KeySeed(id, scope, Alias.of(alias), Description.NONE, KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT,
                Optional.empty(), state, 30);
    }

    private static KeySeed seed(String alias, KeyState state) {
        return seed(KeyId.from(UUID.randomUUID()), SCOPE, alias, state);
    }

    private SeedKeysResult seedAll(KeySeed... seeds) {
        return keyport.seedKeys(new SeedKeysCommand(CREDENTIAL, LifecyclePolicy.HUAWEI, List.of(seeds)));
    }

    private KeyState state(KeyId id) {
        return keyport.describeKey(new DescribeKeyCommand(Caller.embedded(SCOPE, "check"), id)).state();
    }

    @Test
    void eachSeededKeyIsRecordedOnceAsSeededAtVersionOne() {
        KeySeed enabled = seed("one", KeyState.ENABLED);
        KeySeed doomed = seed("two", KeyState.PENDING_DELETE);
        assertThat(seedAll(enabled, doomed)).isEqualTo(new SeedKeysResult(2, 0));

        assertThat(state(enabled.id())).isEqualTo(KeyState.ENABLED);
        assertThat(state(doomed.id())).isEqualTo(KeyState.PENDING_DELETE);
        assertThat(audit.records()).hasSize(2).allSatisfy(r -> {
            assertThat(r.operation()).isEqualTo(KeyOperation.SEED);
            assertThat(r.change()).contains(KeyChange.SEEDED);
            assertThat(r.from()).isEmpty();
            assertThat(r.at()).isEqualTo(T0);
            assertThat(r.scope()).isEqualTo(SCOPE);
            assertThat(r.reason()).isEqualTo(ChangeReason.REQUESTED);
            assertThat(r.credentialId()).isEqualTo(CREDENTIAL);
            assertThat(r.requestId()).isEqualTo("seed-" + r.keyId().orElseThrow());
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.SUCCEEDED);
            assertThat(r.keyVersion()).isEqualTo(1);
        });
        assertThat(audit.records()).extracting(r -> r.to().orElseThrow())
                .containsExactly(KeyState.ENABLED, KeyState.PENDING_DELETE);

        keyport.disableKey(new DisableKeyCommand(Caller.embedded(SCOPE, "later"), enabled.id()));
        assertThat(audit.records()).last().satisfies(r -> assertThat(r.keyVersion()).isEqualTo(2));
    }

    @Test
    void storedIdsAndIdsGivenTwiceAreLeftAloneAndCounted() {
        KeySeed first = seed("first", KeyState.DISABLED);
        seedAll(first);
        KeySeed again = seed(first.id(), SCOPE, "first-renamed", KeyState.ENABLED);
        KeySeed fresh = seed("fresh", KeyState.ENABLED);
        KeySeed repeat = seed(fresh.id(), SCOPE, "fresh-repeated", KeyState.PENDING_DELETE);

        assertThat(seedAll(again, fresh, repeat)).isEqualTo(new SeedKeysResult(1, 2));
        assertThat(state(first.id())).as("left as it was").isEqualTo(KeyState.DISABLED);
        assertThat(state(fresh.id())).as("made as first given").isEqualTo(KeyState.ENABLED);
        assertThat(audit.records()).hasSize(2);
    }

    @Test
    void anIdTakenInAnotherScopeIsRefusedNotLeftAlone() {
        KeySeed stored = seed("stored", KeyState.ENABLED);
        seedAll(stored);
        KeySeed elsewhere = seed(stored.id(), KeyScope.of("tenant-b", "ap-guangzhou"), "moved", KeyState.ENABLED);
        assertThatThrownBy(() -> seedAll(seed("before", KeyState.ENABLED), elsewhere))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_KEY_ID);
                    assertThat(e.keyId()).contains(stored.id());
                });
        KeySeed fresh = seed("fresh", KeyState.ENABLED);
        KeySeed sameIdOtherScope = seed(fresh.id(), KeyScope.of("tenant-b", "ap-guangzhou"), "x", KeyState.ENABLED);
        assertThatThrownBy(() -> seedAll(fresh, sameIdOtherScope)).isInstanceOf(DomainException.class);
        assertThat(keys.findStored(List.of(fresh.id()))).isEmpty();
    }

    @Test
    void aRefusedSeedStoresNoneOfItsBatchAndIsRecordedAsRefusedForItsKey() {
        KeySeed before = seed("before", KeyState.ENABLED);
        KeySeed bad = seed("bad", KeyState.PENDING_IMPORT); // a Keyport-origin key never loses its material
        KeySeed after = seed("after", KeyState.ENABLED);
        assertThatThrownBy(() -> seedAll(before, bad, after)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.keyId()).contains(bad.id()));
        assertThat(keys.findStored(List.of(before.id(), bad.id(), after.id()))).isEmpty();
        assertThat(audit.records()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.REFUSED);
            assertThat(r.operation()).isEqualTo(KeyOperation.SEED);
            assertThat(r.keyId()).contains(bad.id());
            assertThat(r.error()).contains(DomainErrorCode.NOT_EXTERNAL_KEY);
            assertThat(r.credentialId()).isEqualTo(CREDENTIAL);
        });

        seedAll(seed("taken", KeyState.ENABLED));
        KeySeed clash = seed("taken", KeyState.ENABLED);
        KeySeed innocent = seed("innocent", KeyState.ENABLED);
        assertThatThrownBy(() -> seedAll(innocent, clash))
                .isInstanceOfSatisfying(AliasAlreadyExistsException.class,
                        e -> assertThat(e.keyId()).contains(clash.id()));
        assertThat(keys.findStored(List.of(innocent.id()))).isEmpty();
    }

    @Test
    void theStoredKeyHoldsACopyOfTheSeedsMaterial() {
        byte[] material = new byte[32];
        material[0] = 7;
        KeySeed external = new KeySeed(KeyId.from(UUID.randomUUID()), SCOPE, Alias.of("byok"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL, Optional.of(KeyMaterial.of(material)), KeyState.ENABLED,
                30);
        seedAll(external);
        external.erase();
        assertThat(keys.find(SCOPE, external.id()).orElseThrow().material().orElseThrow()
                .sameAs(KeyMaterial.of(material))).isTrue();
    }

    @Test
    void aLostRaceRunsTheWholeBatchAgain() {
        RacingRepository racing = new RacingRepository(KeyUnitOfWork.MAX_ATTEMPTS - 1);
        Keyport seeding = keyport(racing);
        KeySeed one = seed("race-one", KeyState.ENABLED);
        KeySeed two = seed("race-two", KeyState.DISABLED);
        assertThat(seeding.seedKeys(new SeedKeysCommand(CREDENTIAL, LifecyclePolicy.HUAWEI, List.of(one, two))))
                .isEqualTo(new SeedKeysResult(2, 0));
        assertThat(racing.batches).hasValue(KeyUnitOfWork.MAX_ATTEMPTS);
        assertThat(audit.records()).hasSize(2);

        RacingRepository losing = new RacingRepository(KeyUnitOfWork.MAX_ATTEMPTS);
        assertThatThrownBy(() -> keyport(losing).seedKeys(new SeedKeysCommand(CREDENTIAL, LifecyclePolicy.HUAWEI,
                List.of(seed("lost", KeyState.ENABLED))))).isInstanceOf(ConcurrentKeyChangeException.class);
        assertThat(losing.batches).hasValue(KeyUnitOfWork.MAX_ATTEMPTS);
    }
}
