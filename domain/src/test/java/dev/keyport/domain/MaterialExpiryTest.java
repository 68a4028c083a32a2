package dev.keyport.domain;

import static dev.keyport.domain.testing.TestKeys.RANDOM;
import static dev.keyport.domain.testing.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Expired material is deleted exactly as DeleteImportedKeyMaterial would, recorded as expired. */
class MaterialExpiryTest {

    private static final Instant EXPIRY = T0.plus(Duration.ofDays(1));

    private static Cmk keyExpiringAt(byte[] material, Instant expiry) {
        Cmk key = TestKeys.external();
        TestKeys.importInto(key, material, expiry, LifecyclePolicy.TENCENT, T0);
        key.drainEvents();
        return key;
    }

    @Test
    void beforeTheExpiryTheMaterialWorks() {
        Cmk key = keyExpiringAt(TestKeys.randomMaterial(32), EXPIRY);
        assertThat(key.expireMaterialIfDue(EXPIRY.minusMillis(1))).isFalse();
        byte[] ciphertext = key.encrypt("a".getBytes(), new byte[0], EXPIRY.minusMillis(1), RANDOM);
        assertThat(key.decrypt(ciphertext, new byte[0], EXPIRY.minusMillis(1))).isEqualTo("a".getBytes());
        assertThat(key.state()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void atTheExpiryTheMaterialIsDeletedAndRecordedAsExpiredAtThatMoment() {
        Cmk key = keyExpiringAt(TestKeys.randomMaterial(32), EXPIRY);
        Instant later = EXPIRY.plus(Duration.ofHours(3));
        assertThat(key.isMaterialExpiryDue(later)).isTrue();
        assertThat(key.expireMaterialIfDue(later)).isTrue();

        assertThat(key.state()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(key.hasMaterial()).isFalse();
        assertThat(key.materialExpiresAt()).isEmpty();
        assertThat(key.drainEvents()).singleElement().satisfies(event -> {
            assertThat(event.change()).isEqualTo(KeyChange.MATERIAL_DELETED);
            assertThat(event.reason()).isEqualTo(ChangeReason.MATERIAL_EXPIRED);
            assertThat(event.at()).isEqualTo(EXPIRY);
            assertThat(event.from()).isEqualTo(KeyState.ENABLED);
            assertThat(event.to()).isEqualTo(KeyState.PENDING_IMPORT);
        });
        assertThat(key.expireMaterialIfDue(later)).as("only once").isFalse();
    }

    @Test
    void everyOperationAfterTheExpirySeesPendingImportWithoutAnySweep() {
        Cmk key = keyExpiringAt(TestKeys.randomMaterial(32), EXPIRY);
        assertThatThrownBy(() -> key.encrypt("a".getBytes(), new byte[0], EXPIRY, RANDOM))
                .isInstanceOfSatisfying(KeyStateException.class, e -> {
                    assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_PENDING_IMPORT);
                    assertThat(e.state()).contains(KeyState.PENDING_IMPORT);
                });
        Cmk other = keyExpiringAt(TestKeys.randomMaterial(32), EXPIRY);
        assertThatThrownBy(() -> other.deleteImportedKeyMaterial(EXPIRY))
                .isInstanceOfSatisfying(KeyStateException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.MATERIAL_DELETE_STATE_NOT_SUPPORTED));
        Cmk third = keyExpiringAt(TestKeys.randomMaterial(32), EXPIRY);
        assertThatThrownBy(() -> third.disable(EXPIRY))
                .isInstanceOfSatisfying(KeyStateException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_NOT_ENABLED));
    }

    @Test
    void theSameMaterialImportsAgainAfterExpiryAndOldCiphertextsDecrypt() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = keyExpiringAt(material, EXPIRY);
        byte[] ciphertext = key.encrypt("kept".getBytes(), new byte[0], T0, RANDOM);
        Instant later = EXPIRY.plus(Duration.ofDays(2));
        key.expireMaterialIfDue(later);

        assertThatThrownBy(() -> TestKeys.importInto(key, TestKeys.randomMaterial(32), null, LifecyclePolicy.HUAWEI,
                later)).isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.MATERIAL_MISMATCH));
        TestKeys.importInto(key, material, null, LifecyclePolicy.HUAWEI, later);
        assertThat(key.decrypt(ciphertext, new byte[0], later)).isEqualTo("kept".getBytes());
    }

    @Test
    void aKeyPendingDeletionKeepsThatStateWhenItsMaterialExpiresAndCancelsToPendingImport() {
        Cmk key = keyExpiringAt(TestKeys.randomMaterial(32), EXPIRY);
        key.disable(T0);
        key.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
        key.expireMaterialIfDue(EXPIRY);
        assertThat(key.state()).isEqualTo(KeyState.PENDING_DELETE);
        assertThat(key.hasMaterial()).isFalse();

        key.cancelDeletion(EXPIRY.plusSeconds(1));
        assertThat(key.state()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void aDisabledKeyWhoseMaterialExpiresGoesToPendingImport() {
        Cmk key = keyExpiringAt(TestKeys.randomMaterial(32), EXPIRY);
        key.disable(T0);
        key.expireMaterialIfDue(EXPIRY);
        assertThat(key.state()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void bindingACloudResourceCancelsTheExpiry() {
        Cmk key = keyExpiringAt(TestKeys.randomMaterial(32), EXPIRY);
        key.bind(new CloudResource("ssm", "s-1"), T0);
        assertThat(key.materialExpiresAt()).isEmpty();
        assertThat(key.drainEvents()).extracting(KeyEvent::change, KeyEvent::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(KeyChange.CLOUD_RESOURCE_BOUND, ChangeReason.REQUESTED),
                org.assertj.core.groups.Tuple.tuple(KeyChange.MATERIAL_EXPIRY_CHANGED,
                        ChangeReason.CLOUD_RESOURCE_BOUND));
        assertThat(key.expireMaterialIfDue(EXPIRY.plus(Duration.ofDays(365)))).isFalse();
        assertThat(key.state()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void aBoundKeyRefusesANewExpiry() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        key.bind(new CloudResource("ssm", "s-1"), T0);
        assertThatThrownBy(() -> TestKeys.importInto(key, material, EXPIRY, LifecyclePolicy.TENCENT, T0))
                .isInstanceOfSatisfying(KeyInUseException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_IN_USE_BY_CLOUD_RESOURCE));
        assertThat(key.materialExpiresAt()).isEmpty();
    }

    @Test
    void bindingAfterTheExpiryIsTooLate() {
        Cmk key = keyExpiringAt(TestKeys.randomMaterial(32), EXPIRY);
        assertThatThrownBy(() -> key.bind(new CloudResource("ssm", "s-1"), EXPIRY))
                .isInstanceOfSatisfying(KeyStateException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.BINDING_STATE_NOT_SUPPORTED));
    }

    @Test
    void generatedMaterialNeverExpires() {
        Cmk key = TestKeys.generated();
        assertThat(key.expireMaterialIfDue(T0.plus(Duration.ofDays(100_000)))).isFalse();
        assertThat(key.hasMaterial()).isTrue();
    }
}
