package dev.keyport.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.Alias;
import dev.keyport.domain.AliasAlreadyExistsException;
import dev.keyport.domain.CloudResource;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.Description;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeySeed;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KeyRepository} must do, run against each implementation: in memory, H2 and PostgreSQL. A subclass
 * supplies a fresh, empty repository and its transaction boundary.
 */
public abstract class KeyRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private KeyRepository keys;
    private TransactionBoundary transactions;
    private KeyScope scope;
    private KeyScope otherScope;

    /** A fresh repository; the contract only uses scopes it makes up, so a shared store works too. */
    protected abstract KeyRepository repository();

    protected abstract TransactionBoundary transactions();

    @BeforeEach
    void setUpContract() {
        keys = repository();
        transactions = transactions();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        scope = KeyScope.of("tenant-" + unique, "ap-guangzhou");
        otherScope = KeyScope.of("tenant-" + unique, "ap-shanghai");
    }

    private <T> T tx(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    private void tx(Runnable work) {
        transactions.inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private Cmk load(KeyScope in, KeyId id) {
        return tx(() -> keys.find(in, id)).orElseThrow();
    }

    @Test
    void aStoredKeyLoadsBackIdenticalAtVersionOne() {
        Cmk key = TestKeys.external(scope, "round-trip", T0);
        TestKeys.importInto(key, TestKeys.material(), T0.plus(Duration.ofDays(30)), T0);
        key.bind(new CloudResource("ssm", "secret-1"), T0);
        key.issueImportParameters(TestKeys.WRAPPING_KEY, WrappingAlgorithm.RSAES_PKCS1_V1_5, T0, TestKeys.RANDOM);
        key.drainEvents();
        tx(() -> keys.add(key));

        Cmk loaded = load(scope, key.id());
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.snapshot()).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(key.snapshot());
        byte[] ciphertext = key.encrypt("p".getBytes(), new byte[0], T0, TestKeys.RANDOM);
        assertThat(loaded.decrypt(ciphertext, new byte[0], T0)).isEqualTo("p".getBytes());
    }

    @Test
    void everyStateAndOriginRoundTrips() {
        Cmk pendingImport = TestKeys.external(scope, "pi", T0);
        Cmk deletedMaterial = TestKeys.external(scope, "deleted", T0);
        TestKeys.importInto(deletedMaterial, TestKeys.material(), null, T0);
        deletedMaterial.deleteImportedKeyMaterial(T0);
        Cmk disabled = TestKeys.generated(scope, "disabled", T0);
        disabled.disable(T0);
        Cmk pendingDelete = TestKeys.generated(scope, "pd", T0);
        pendingDelete.disable(T0);
        pendingDelete.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
        for (Cmk key : List.of(pendingImport, deletedMaterial, disabled, pendingDelete)) {
            key.drainEvents();
            tx(() -> keys.add(key));
            assertThat(load(scope, key.id()).snapshot()).usingRecursiveComparison().ignoringFields("version")
                    .isEqualTo(key.snapshot());
        }
    }

    @Test
    void aKeyIsInvisibleOutsideItsScope() {
        Cmk key = TestKeys.generated(scope, "scoped", T0);
        tx(() -> keys.add(key));
        assertThat(tx(() -> keys.find(otherScope, key.id()))).isEmpty();
        assertThat(tx(() -> keys.find(KeyScope.of("someone-else", scope.region().value()), key.id()))).isEmpty();
        assertThat(tx(() -> keys.list(otherScope, KeyQuery.all(T0))).keys()).isEmpty();
    }

    @Test
    void changingALoadedKeyChangesNothingStoredUntilUpdate() {
        Cmk key = TestKeys.generated(scope, "copies", T0);
        tx(() -> keys.add(key));
        key.disable(T0); // the caller's object after add
        Cmk loaded = load(scope, key.id());
        assertThat(loaded.state()).isEqualTo(KeyState.ENABLED);
        loaded.disable(T0);
        assertThat(load(scope, key.id()).state()).isEqualTo(KeyState.ENABLED);
        tx(() -> keys.update(loaded));
        Cmk reloaded = load(scope, key.id());
        assertThat(reloaded.state()).isEqualTo(KeyState.DISABLED);
        assertThat(reloaded.version()).isEqualTo(2);
    }

    @Test
    void aConcurrentChangeIsDetectedNotOverwritten() {
        Cmk key = TestKeys.generated(scope, "race", T0);
        tx(() -> keys.add(key));
        Cmk first = load(scope, key.id());
        Cmk second = load(scope, key.id());
        first.disable(T0);
        tx(() -> keys.update(first));
        second.bind(new CloudResource("ssm", "s"), T0);
        assertThatThrownBy(() -> tx(() -> keys.update(second))).isInstanceOf(ConcurrentKeyChangeException.class);
        Cmk stored = load(scope, key.id());
        assertThat(stored.state()).isEqualTo(KeyState.DISABLED);
        assertThat(stored.bindings()).isEmpty();
        assertThatThrownBy(() -> tx(() -> keys.remove(second))).isInstanceOf(ConcurrentKeyChangeException.class);
    }

    @Test
    void aliasesAreUniqueWithinAScopeOnly() {
        tx(() -> keys.add(TestKeys.generated(scope, "same-alias", T0)));
        assertThatThrownBy(() -> tx(() -> keys.add(TestKeys.external(scope, "same-alias", T0))))
                .isInstanceOf(AliasAlreadyExistsException.class);
        tx(() -> keys.add(TestKeys.generated(otherScope, "same-alias", T0)));
        assertThat(tx(() -> keys.list(scope, KeyQuery.all(T0))).total()).isEqualTo(1);
    }

    @Test
    void keysAddedTogetherLoadBackAsEachAddedAloneWould() {
        Cmk imported = TestKeys.external(scope, "batch-imported", T0);
        TestKeys.importInto(imported, TestKeys.material(), T0.plus(Duration.ofDays(30)), T0);
        imported.bind(new CloudResource("ssm", "secret-1"), T0);
        imported.issueImportParameters(TestKeys.WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, T0,
                TestKeys.RANDOM);
        Cmk pendingDelete = TestKeys.generated(scope, "batch-pending-delete", T0);
        pendingDelete.disable(T0);
        pendingDelete.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
        Cmk seeded = Cmk.seed(new KeySeed(TestKeys.newKeyId(), otherScope, Alias.of("batch-seeded"),
                Description.of("seeded"), KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL,
                Optional.of(KeyMaterial.of(TestKeys.material())), KeyState.PENDING_IMPORT, 30),
                LifecyclePolicy.NEUTRAL, T0, TestKeys.RANDOM);
        List<Cmk> batch = List.of(imported, TestKeys.generated(scope, "batch-generated", T0),
                TestKeys.external(scope, "batch-pending-import", T0), pendingDelete, seeded);
        batch.forEach(Cmk::drainEvents);
        tx(() -> keys.addAll(batch));

        for (Cmk key : batch) {
            Cmk loaded = load(key.scope(), key.id());
            assertThat(loaded.version()).isEqualTo(1);
            assertThat(loaded.snapshot()).usingRecursiveComparison().ignoringFields("version")
                    .isEqualTo(key.snapshot());
        }
        byte[] ciphertext = imported.encrypt("p".getBytes(), new byte[0], T0, TestKeys.RANDOM);
        assertThat(load(scope, imported.id()).decrypt(ciphertext, new byte[0], T0)).isEqualTo("p".getBytes());
        assertThat(tx(() -> keys.list(scope, KeyQuery.all(T0))).total()).isEqualTo(4);

        Cmk changed = load(scope, pendingDelete.id());
        changed.cancelDeletion(T0);
        tx(() -> keys.update(changed));
        assertThat(load(scope, pendingDelete.id()).version()).as("a key added in a batch changes as any other")
                .isEqualTo(2);
        tx(() -> keys.addAll(List.of()));
    }

    @Test
    void theStoredAmongManyIdsAreFoundInWhicheverScope() {
        Cmk here = TestKeys.generated(scope, "stored-here", T0);
        Cmk there = TestKeys.generated(otherScope, "stored-there", T0);
        tx(() -> keys.addAll(List.of(here, there)));
        KeyId absent = TestKeys.newKeyId();
        assertThat(tx(() -> keys.findStored(List.of(here.id(), absent, there.id())))).containsExactlyInAnyOrder(
                new KeyRef(scope, here.id()), new KeyRef(otherScope, there.id()));
        assertThat(tx(() -> keys.findStored(List.of(absent)))).isEmpty();
        assertThat(tx(() -> keys.findStored(List.of()))).isEmpty();
    }

    @Test
    void aBatchWithATakenAliasStoresNoneOfItAndNamesTheKeyThatHasIt() {
        tx(() -> keys.add(TestKeys.generated(scope, "taken", T0)));
        Cmk before = TestKeys.generated(scope, "fresh-before", T0);
        Cmk clashing = TestKeys.external(scope, "taken", T0);
        Cmk after = TestKeys.generated(scope, "fresh-after", T0);
        Cmk elsewhere = TestKeys.generated(otherScope, "taken", T0);
        Optional<Cmk> seenInTheSameTransaction = tx(() -> {
            assertThatThrownBy(() -> keys.addAll(List.of(before, elsewhere, clashing, after)))
                    .isInstanceOfSatisfying(AliasAlreadyExistsException.class, e -> {
                        assertThat(e.keyId()).contains(clashing.id());
                        assertThat(e.alias()).isEqualTo(clashing.alias());
                    });
            return keys.find(scope, before.id());
        });
        assertThat(seenInTheSameTransaction).as("none of the batch, even before its transaction ends").isEmpty();
        for (Cmk key : List.of(before, clashing, after)) {
            assertThat(tx(() -> keys.find(scope, key.id()))).isEmpty();
        }
        assertThat(tx(() -> keys.find(otherScope, elsewhere.id()))).isEmpty();

        Cmk twice = TestKeys.generated(scope, "twice-in-a-batch", T0);
        Cmk again = TestKeys.generated(scope, "twice-in-a-batch", T0);
        assertThatThrownBy(() -> tx(() -> keys.addAll(List.of(twice, again))))
                .isInstanceOfSatisfying(AliasAlreadyExistsException.class,
                        e -> assertThat(e.keyId()).as("the second to take it").contains(again.id()));
        assertThat(tx(() -> keys.findStored(List.of(twice.id(), again.id())))).isEmpty();
    }

    @Test
    void aBatchWithAStoredIdStoresNoneOfItAndIsToldToRetry() {
        Cmk stored = TestKeys.generated(scope, "stored-id", T0);
        tx(() -> keys.add(stored));
        Cmk fresh = TestKeys.generated(scope, "fresh-id", T0);
        Cmk sameId = Cmk.createWithGeneratedMaterial(stored.id(), scope, Alias.of("another-alias"),
                Description.NONE, KeyUsage.ENCRYPT_DECRYPT, LifecyclePolicy.TENCENT, T0, TestKeys.RANDOM);
        assertThatThrownBy(() -> tx(() -> keys.addAll(List.of(fresh, sameId))))
                .isInstanceOf(ConcurrentKeyChangeException.class);
        assertThat(tx(() -> keys.find(scope, fresh.id()))).isEmpty();
        assertThat(load(scope, stored.id()).alias()).isEqualTo(stored.alias());
    }

    @Test
    void aRemovedKeyIsGoneAndFreesItsAlias() {
        Cmk key = TestKeys.generated(scope, "removed", T0);
        key.disable(T0);
        key.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
        key.drainEvents();
        tx(() -> keys.add(key));
        Cmk loaded = load(scope, key.id());
        loaded.purge(T0.plus(Duration.ofDays(7)));
        tx(() -> keys.remove(loaded));
        assertThat(tx(() -> keys.find(scope, key.id()))).isEmpty();
        tx(() -> keys.add(TestKeys.generated(scope, "removed", T0)));
    }

    @Test
    void listingFiltersByStateOriginUsageAndSearchAndPagesInCreationOrder() {
        Cmk a = TestKeys.generated(scope, "alpha-one", T0);
        Cmk b = TestKeys.external(scope, "beta-two", T0.plusSeconds(1));
        Cmk c = TestKeys.external(scope, "gamma-three", T0.plusSeconds(2));
        TestKeys.importInto(c, TestKeys.material(), null, T0.plusSeconds(2));
        Cmk d = TestKeys.generated(scope, "delta-four", T0.plusSeconds(3));
        d.disable(T0.plusSeconds(3));
        d.drainEvents();
        for (Cmk key : List.of(a, b, c, d)) {
            tx(() -> keys.add(key));
        }
        Instant now = T0.plusSeconds(10);

        assertThat(ids(query(EnumSet.allOf(KeyState.class), null, null, true, 0, 10, now)))
                .containsExactly(d.id(), c.id(), b.id(), a.id());
        assertThat(ids(query(EnumSet.allOf(KeyState.class), null, null, false, 0, 10, now)))
                .containsExactly(a.id(), b.id(), c.id(), d.id());
        KeyPage page = tx(() -> keys.list(scope, new KeyQuery(EnumSet.allOf(KeyState.class), Optional.empty(),
                Optional.empty(), Optional.empty(), false, 1, 2, now)));
        assertThat(page.keys()).extracting(KeyView::id).containsExactly(b.id(), c.id());
        assertThat(page.total()).isEqualTo(4);

        assertThat(ids(query(EnumSet.of(KeyState.ENABLED), null, null, false, 0, 10, now)))
                .containsExactly(a.id(), c.id());
        assertThat(ids(query(EnumSet.of(KeyState.PENDING_IMPORT, KeyState.DISABLED), null, null, false, 0, 10, now)))
                .containsExactly(b.id(), d.id());
        assertThat(ids(query(EnumSet.allOf(KeyState.class), Origin.EXTERNAL, null, false, 0, 10, now)))
                .containsExactly(b.id(), c.id());
        assertThat(ids(query(EnumSet.allOf(KeyState.class), Origin.KEYPORT, null, false, 0, 10, now)))
                .containsExactly(a.id(), d.id());
        assertThat(ids(query(EnumSet.allOf(KeyState.class), null, "TWO", false, 0, 10, now)))
                .containsExactly(b.id());
        assertThat(ids(query(EnumSet.allOf(KeyState.class), null, c.id().value().substring(0, 13), false, 0, 10,
                now))).containsExactly(c.id());
        assertThat(tx(() -> keys.list(scope, new KeyQuery(EnumSet.allOf(KeyState.class), Optional.empty(),
                Optional.of(KeyUsage.ENCRYPT_DECRYPT), Optional.empty(), true, 0, 10, now))).total()).isEqualTo(4);
        assertThat(tx(() -> keys.list(scope, new KeyQuery(EnumSet.allOf(KeyState.class), Optional.empty(),
                Optional.empty(), Optional.of("%"), true, 0, 10, now))).total()).as("search is literal").isZero();
        for (String unstorable : List.of("\u0000", "two\u0000", "\ud800")) {
            assertThat(tx(() -> keys.list(scope, new KeyQuery(EnumSet.allOf(KeyState.class), Optional.empty(),
                    Optional.empty(), Optional.of(unstorable), true, 0, 10, now))).total())
                    .as("a search for text no alias or id can hold finds nothing, and fails nothing").isZero();
        }
    }

    @Test
    void listingShowsStatesAsOfNow() {
        Cmk expiring = TestKeys.external(scope, "expiring", T0);
        TestKeys.importInto(expiring, TestKeys.material(), T0.plus(Duration.ofHours(1)), T0);
        Cmk deleting = TestKeys.generated(scope, "deleting", T0);
        deleting.disable(T0);
        deleting.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
        deleting.drainEvents();
        tx(() -> keys.add(expiring));
        tx(() -> keys.add(deleting));

        Instant before = T0.plus(Duration.ofMinutes(59));
        assertThat(query(EnumSet.of(KeyState.ENABLED), null, null, true, 0, 10, before).keys())
                .extracting(KeyView::id).containsExactly(expiring.id());
        Instant after = T0.plus(Duration.ofHours(1));
        KeyPage atExpiry = query(EnumSet.allOf(KeyState.class), null, null, true, 0, 10, after);
        assertThat(atExpiry.keys()).filteredOn(v -> v.id().equals(expiring.id())).singleElement()
                .satisfies(v -> {
                    assertThat(v.state()).isEqualTo(KeyState.PENDING_IMPORT);
                    assertThat(v.materialExpiresAt()).isEmpty();
                });
        assertThat(query(EnumSet.of(KeyState.ENABLED), null, null, true, 0, 10, after).total()).isZero();

        KeyPage pastDeletion = query(EnumSet.allOf(KeyState.class), null, null, true, 0, 10,
                T0.plus(Duration.ofDays(7)));
        assertThat(pastDeletion.keys()).extracting(KeyView::id).containsExactly(expiring.id());
        assertThat(pastDeletion.total()).isEqualTo(1);
    }

    @Test
    void listingShowsAKeyPendingDeletionWhoseMaterialExpiredAsDescribingItDoes() {
        Cmk key = TestKeys.external(scope, "expired-while-pending-delete", T0);
        TestKeys.importInto(key, TestKeys.material(), T0.plus(Duration.ofHours(1)), T0);
        key.disable(T0);
        key.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
        key.drainEvents();
        tx(() -> keys.add(key));

        Instant after = T0.plus(Duration.ofHours(2));
        KeyView listed = query(EnumSet.allOf(KeyState.class), null, null, true, 0, 10, after).keys().stream()
                .filter(v -> v.id().equals(key.id())).findFirst().orElseThrow();
        assertThat(listed.state()).isEqualTo(KeyState.PENDING_DELETE);
        assertThat(listed.materialExpiresAt()).as("the expiry has passed: the material is gone").isEmpty();
        assertThat(listed).isEqualTo(load(scope, key.id()).viewAt(after));
    }

    @Test
    void theSweepsFindWhatIsDue() {
        Cmk expiring = TestKeys.external(scope, "sweep-expiring", T0);
        TestKeys.importInto(expiring, TestKeys.material(), T0.plus(Duration.ofHours(1)), T0);
        Cmk lasting = TestKeys.external(scope, "sweep-lasting", T0);
        TestKeys.importInto(lasting, TestKeys.material(), T0.plus(Duration.ofDays(1)), T0);
        Cmk deleting = TestKeys.external(scope, "sweep-deleting", T0);
        deleting.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
        deleting.drainEvents();
        for (Cmk key : List.of(expiring, lasting, deleting)) {
            tx(() -> keys.add(key));
        }
        Instant now = T0.plus(Duration.ofHours(2));
        assertThat(tx(() -> keys.findMaterialExpiryDue(now, 100)))
                .filteredOn(ref -> ref.scope().equals(scope))
                .containsExactly(new KeyRef(scope, expiring.id()));
        assertThat(tx(() -> keys.findPurgeDue(now, 100))).filteredOn(ref -> ref.scope().equals(scope)).isEmpty();
        assertThat(tx(() -> keys.findPurgeDue(T0.plus(Duration.ofDays(7)), 100)))
                .filteredOn(ref -> ref.scope().equals(scope))
                .containsExactly(new KeyRef(scope, deleting.id()));

        Cmk loaded = load(scope, expiring.id());
        loaded.expireMaterialIfDue(now);
        tx(() -> keys.update(loaded));
        assertThat(tx(() -> keys.findMaterialExpiryDue(now, 100))).filteredOn(ref -> ref.scope().equals(scope))
                .isEmpty();
        assertThat(load(scope, expiring.id()).state()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void expiredGrantsAreRemovedAndLiveOnesKept() {
        Cmk key = TestKeys.external(scope, "grants", T0);
        key.issueImportParameters(TestKeys.WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, T0, TestKeys.RANDOM);
        key.issueImportParameters(TestKeys.WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_1,
                T0.plus(Duration.ofHours(12)), TestKeys.RANDOM);
        key.drainEvents();
        tx(() -> keys.add(key));

        int removed = tx(() -> keys.removeExpiredGrants(T0.plus(Duration.ofHours(24))));
        assertThat(removed).isGreaterThanOrEqualTo(1);
        Cmk loaded = load(scope, key.id());
        assertThat(loaded.grants()).singleElement()
                .satisfies(g -> assertThat(g.algorithm()).isEqualTo(WrappingAlgorithm.RSAES_OAEP_SHA_1));
        assertThat(loaded.version()).as("housekeeping is not a change of the key").isEqualTo(1);
    }

    private KeyPage query(Set<KeyState> states, Origin origin, String search, boolean newestFirst, long offset,
                          int limit, Instant now) {
        return tx(() -> keys.list(scope, new KeyQuery(states, Optional.ofNullable(origin), Optional.empty(),
                Optional.ofNullable(search), newestFirst, offset, limit, now)));
    }

    private static List<KeyId> ids(KeyPage page) {
        return page.keys().stream().map(KeyView::id).toList();
    }
}
