package dev.keyport.domain;

import static dev.keyport.domain.KeyState.DISABLED;
import static dev.keyport.domain.KeyState.ENABLED;
import static dev.keyport.domain.KeyState.PENDING_DELETE;
import static dev.keyport.domain.KeyState.PENDING_IMPORT;
import static dev.keyport.domain.testing.TestKeys.RANDOM;
import static dev.keyport.domain.testing.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyport.domain.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded key is the key a client gets by creating it and taking it through the transitions to the seed's state,
 * made in one step: the same fields, the same material bound by the same kind of fingerprint, one SEEDED event, and
 * the transitions' own refusals, each naming the key.
 */
class SeedTest {

    private static final Instant NOW = T0.plusMillis(1234).plusNanos(5678);
    private static final LifecyclePolicy POLICY = LifecyclePolicy.HUAWEI;

    private static KeySeed seed(KeyId id, Origin origin, byte[] material, KeyState state, int pendingDays) {
        return new KeySeed(id, TestKeys.SCOPE, Alias.of("seeded-" + id.value().substring(0, 8)),
                Description.of("from a seed file"), KeyUsage.ENCRYPT_DECRYPT, origin,
                Optional.ofNullable(material).map(KeyMaterial::of), state, pendingDays);
    }

    /** The same key made as a client makes it: created, its material wrapped and imported, then each transition. */
    private static Cmk throughTheTransitions(KeySeed seed, byte[] material) {
        Cmk key = seed.origin() == Origin.KEYPORT
                ? Cmk.createWithGeneratedMaterial(seed.id(), seed.scope(), seed.alias(), seed.description(),
                        seed.usage(), POLICY, NOW, RANDOM)
                : Cmk.createExternal(seed.id(), seed.scope(), seed.alias(), seed.description(), seed.usage(), POLICY,
                        NOW);
        if (material != null) {
            TestKeys.importInto(key, material, null, POLICY, NOW);
        }
        switch (seed.state()) {
            case DISABLED -> key.disable(NOW);
            case PENDING_IMPORT -> {
                if (key.hasMaterial()) {
                    key.deleteImportedKeyMaterial(NOW);
                }
            }
            case PENDING_DELETE -> {
                if (key.hasMaterial()) {
                    key.disable(NOW);
                }
                key.scheduleDeletion(seed.pendingDays(), POLICY, NOW);
            }
            default -> {
            }
        }
        return key;
    }

    static Stream<Arguments> seedsThatCanBeMade() {
        return Stream.of(
                Arguments.of(Origin.KEYPORT, false, ENABLED),
                Arguments.of(Origin.KEYPORT, false, DISABLED),
                Arguments.of(Origin.KEYPORT, false, PENDING_DELETE),
                Arguments.of(Origin.EXTERNAL, true, ENABLED),
                Arguments.of(Origin.EXTERNAL, true, DISABLED),
                Arguments.of(Origin.EXTERNAL, true, PENDING_IMPORT),
                Arguments.of(Origin.EXTERNAL, true, PENDING_DELETE),
                Arguments.of(Origin.EXTERNAL, false, PENDING_IMPORT),
                Arguments.of(Origin.EXTERNAL, false, PENDING_DELETE));
    }

    @ParameterizedTest(name = "{0}, material {1}, {2}")
    @MethodSource("seedsThatCanBeMade")
    void aSeededKeyIsTheKeyItsTransitionsMake(Origin origin, boolean withMaterial, KeyState state) {
        byte[] material = withMaterial ? TestKeys.material() : null;
        KeySeed seed = seed(TestKeys.newKeyId(), origin, material, state, 45);
        Cmk seeded = Cmk.seed(seed, POLICY, NOW, RANDOM);
        Cmk reference = throughTheTransitions(seed, material);

        assertThat(seeded.state()).isEqualTo(state);
        assertThat(seeded.view()).isEqualTo(reference.view());
        assertThat(seeded.snapshot()).usingRecursiveComparison()
                .ignoringFields("material", "fingerprint", "grants").isEqualTo(reference.snapshot());
        assertThat(seeded.hasMaterial()).isEqualTo(reference.hasMaterial());
        assertThat(seeded.fingerprint().isPresent()).isEqualTo(withMaterial);
        assertThat(seeded.grants()).as("no import parameters were issued").isEmpty();
        assertThat(seeded.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:01.234Z"));
        if (state == PENDING_DELETE) {
            assertThat(seeded.deletionDate()).contains(seeded.createdAt().plus(Duration.ofDays(45)));
        }
        if (withMaterial && seeded.hasMaterial()) {
            assertThat(seeded.material().orElseThrow().copyBytes(SecretAccess.get())).isEqualTo(material);
        }
        if (origin == Origin.KEYPORT) {
            assertThat(seeded.material().orElseThrow().length()).isEqualTo(KeyMaterial.AES_256_BYTES);
        }
    }

    @Test
    void seededMaterialEncryptsAsImportedMaterialDoesAndBindsTheKeyToIt() {
        byte[] material = TestKeys.material();
        KeySeed seed = seed(TestKeys.newKeyId(), Origin.EXTERNAL, material, ENABLED, 30);
        Cmk seeded = Cmk.seed(seed, POLICY, NOW, RANDOM);
        Cmk imported = throughTheTransitions(seed, material);
        byte[] ciphertext = imported.encrypt("hello".getBytes(), "ctx".getBytes(), NOW, RANDOM);
        assertThat(seeded.decrypt(ciphertext, "ctx".getBytes(), NOW)).isEqualTo("hello".getBytes());

        Cmk reimportable = Cmk.seed(seed(TestKeys.newKeyId(), Origin.EXTERNAL, material, PENDING_IMPORT, 30),
                POLICY, NOW, RANDOM);
        ImportRejectedException different = catchThrowableOfType(ImportRejectedException.class,
                () -> TestKeys.importInto(reimportable, TestKeys.material(), null, POLICY, NOW));
        assertThat(different.code()).isEqualTo(DomainErrorCode.MATERIAL_MISMATCH);
        assertThat(reimportable.state()).isEqualTo(PENDING_IMPORT);
        TestKeys.importInto(reimportable, material, null, POLICY, NOW);
        assertThat(reimportable.state()).as("the material it was seeded with").isEqualTo(ENABLED);
    }

    @Test
    void theKeyHoldsACopyOfTheSeedsMaterialWhichItsMakerErases() {
        byte[] material = TestKeys.material();
        KeySeed seed = seed(TestKeys.newKeyId(), Origin.EXTERNAL, material, ENABLED, 30);
        Cmk seeded = Cmk.seed(seed, POLICY, NOW, RANDOM);
        seed.erase();
        assertThat(seed.material().orElseThrow().copyBytes(SecretAccess.get())).containsOnly(0);
        byte[] ciphertext = seeded.encrypt("p".getBytes(), new byte[0], NOW, RANDOM);
        assertThat(seeded.decrypt(ciphertext, new byte[0], NOW)).isEqualTo("p".getBytes());
        assertThat(seeded.material().orElseThrow().copyBytes(SecretAccess.get())).isEqualTo(material);
    }

    @Test
    void theMakingIsRecordedAsOneSeededEventFromNoStateToTheSeeds() {
        KeySeed seed = seed(TestKeys.newKeyId(), Origin.EXTERNAL, TestKeys.material(), PENDING_DELETE, 7);
        Cmk seeded = Cmk.seed(seed, POLICY, NOW, RANDOM);
        assertThat(seeded.drainEvents()).singleElement().satisfies(event -> {
            assertThat(event.keyId()).isEqualTo(seed.id());
            assertThat(event.change()).isEqualTo(KeyChange.SEEDED);
            assertThat(event.from()).isNull();
            assertThat(event.to()).isEqualTo(PENDING_DELETE);
            assertThat(event.at()).isEqualTo(seeded.createdAt());
            assertThat(event.reason()).isEqualTo(ChangeReason.REQUESTED);
            assertThat(event.detail()).isEqualTo("origin EXTERNAL, material imported, deletion in 7 days, on "
                    + seeded.createdAt().plus(Duration.ofDays(7)));
        });
        Cmk generated = Cmk.seed(seed(TestKeys.newKeyId(), Origin.KEYPORT, null, ENABLED, 30), POLICY, NOW, RANDOM);
        assertThat(generated.drainEvents()).extracting(KeyEvent::detail).containsExactly("origin KEYPORT");
        Cmk deleted = Cmk.seed(seed(TestKeys.newKeyId(), Origin.EXTERNAL, TestKeys.material(), PENDING_IMPORT, 30),
                POLICY, NOW, RANDOM);
        assertThat(deleted.drainEvents()).extracting(KeyEvent::detail)
                .containsExactly("origin EXTERNAL, material imported then deleted");
    }

    static Stream<Arguments> seedsThatAreRefused() {
        return Stream.of(
                Arguments.of(Origin.KEYPORT, 0, PENDING_IMPORT, 30, POLICY, DomainErrorCode.NOT_EXTERNAL_KEY),
                Arguments.of(Origin.KEYPORT, 32, ENABLED, 30, POLICY, DomainErrorCode.INVALID_VALUE),
                Arguments.of(Origin.EXTERNAL, 0, ENABLED, 30, POLICY, DomainErrorCode.INVALID_VALUE),
                Arguments.of(Origin.EXTERNAL, 0, DISABLED, 30, POLICY, DomainErrorCode.INVALID_VALUE),
                Arguments.of(Origin.EXTERNAL, 16, ENABLED, 30, POLICY, DomainErrorCode.MATERIAL_LENGTH_INVALID),
                Arguments.of(Origin.KEYPORT, 0, PENDING_DELETE, 3, POLICY, DomainErrorCode.INVALID_DELETION_WINDOW),
                Arguments.of(Origin.EXTERNAL, 0, PENDING_DELETE, 1097, POLICY,
                        DomainErrorCode.INVALID_DELETION_WINDOW),
                Arguments.of(Origin.KEYPORT, 0, PENDING_DELETE, 30, LifecyclePolicy.TENCENT,
                        DomainErrorCode.INVALID_ALIAS));
    }

    @ParameterizedTest(name = "{0}, {1} bytes, {2}, {3} days, {4}: {5}")
    @MethodSource("seedsThatAreRefused")
    void aSeedTheRulesRefuseIsRefusedNamingItsKey(Origin origin, int materialBytes, KeyState state, int pendingDays,
                                                  LifecyclePolicy policy, DomainErrorCode code) {
        KeyId id = TestKeys.newKeyId();
        KeySeed valid = seed(id, origin, materialBytes == 0 ? null : TestKeys.randomMaterial(materialBytes), state,
                pendingDays);
        KeySeed seed = code == DomainErrorCode.INVALID_ALIAS
                ? new KeySeed(id, valid.scope(), Alias.of("kms-reserved"), valid.description(), valid.usage(),
                        valid.origin(), valid.material(), valid.state(), valid.pendingDays())
                : valid;
        assertThatThrownBy(() -> Cmk.seed(seed, policy, NOW, RANDOM))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.keyId()).contains(id);
                    assertThat(e.getMessage()).contains(id.value());
                });
    }
}
