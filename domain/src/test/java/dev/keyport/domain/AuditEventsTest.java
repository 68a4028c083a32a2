package dev.keyport.domain;

import static dev.keyport.domain.testing.TestKeys.RANDOM;
import static dev.keyport.domain.testing.TestKeys.SCOPE;
import static dev.keyport.domain.testing.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.keyport.domain.testing.TestKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every state change leaves an event: which key, what, from which state to which, when and why. */
class AuditEventsTest {

    @Test
    void theWholeByokLifecycleIsRecorded() {
        KeyId id = TestKeys.newKeyId();
        List<KeyEvent> events = new ArrayList<>();
        Cmk key = Cmk.createExternal(id, SCOPE, Alias.of("audit"), Description.of("d"), KeyUsage.ENCRYPT_DECRYPT,
                LifecyclePolicy.HUAWEI, T0);
        events.addAll(key.drainEvents());
        byte[] material = TestKeys.randomMaterial(32);
        TestKeys.importInto(key, material, null, LifecyclePolicy.HUAWEI, T0.plusSeconds(1));
        key.encrypt("x".getBytes(), new byte[0], T0.plusSeconds(2), RANDOM);
        key.disable(T0.plusSeconds(3));
        key.deleteImportedKeyMaterial(T0.plusSeconds(4));
        key.scheduleDeletion(7, LifecyclePolicy.HUAWEI, T0.plusSeconds(5));
        key.cancelDeletion(T0.plusSeconds(6));
        events.addAll(key.drainEvents());

        assertThat(events).allSatisfy(event -> assertThat(event.keyId()).isEqualTo(id));
        assertThat(events).extracting(KeyEvent::change, KeyEvent::from, KeyEvent::to, KeyEvent::at)
                .containsExactly(
                        tuple(KeyChange.CREATED, null, KeyState.PENDING_IMPORT, T0),
                        tuple(KeyChange.IMPORT_PARAMETERS_ISSUED, KeyState.PENDING_IMPORT, KeyState.PENDING_IMPORT,
                                T0.plusSeconds(1)),
                        tuple(KeyChange.MATERIAL_IMPORTED, KeyState.PENDING_IMPORT, KeyState.ENABLED,
                                T0.plusSeconds(1)),
                        tuple(KeyChange.DISABLED, KeyState.ENABLED, KeyState.DISABLED, T0.plusSeconds(3)),
                        tuple(KeyChange.MATERIAL_DELETED, KeyState.DISABLED, KeyState.PENDING_IMPORT,
                                T0.plusSeconds(4)),
                        tuple(KeyChange.DELETION_SCHEDULED, KeyState.PENDING_IMPORT, KeyState.PENDING_DELETE,
                                T0.plusSeconds(5)),
                        tuple(KeyChange.DELETION_CANCELLED, KeyState.PENDING_DELETE, KeyState.PENDING_IMPORT,
                                T0.plusSeconds(6)));
        assertThat(events).extracting(KeyEvent::reason).containsOnly(ChangeReason.REQUESTED);
        assertThat(key.drainEvents()).isEmpty();
    }

    @Test
    void issuedImportParametersNameTheirWrappingKeySoTheTrailShowsWhichTokensSharedOne() {
        WrappingKeyPair other = WrappingKeySpec.RSA_2048.generate(RANDOM);
        Cmk a = TestKeys.external();
        Cmk b = TestKeys.external();
        a.issueImportParameters(TestKeys.WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, T0, RANDOM);
        b.issueImportParameters(TestKeys.WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, T0, RANDOM);
        b.issueImportParameters(other, WrappingAlgorithm.RSAES_OAEP_SHA_256, T0, RANDOM);

        String shared = "wrapping key " + TestKeys.WRAPPING_KEY.fingerprint();
        assertThat(TestKeys.WRAPPING_KEY.fingerprint()).matches("[0-9a-f]{16}").isNotEqualTo(other.fingerprint());
        assertThat(a.drainEvents()).singleElement().satisfies(e -> assertThat(e.detail()).endsWith(shared));
        assertThat(b.drainEvents()).extracting(KeyEvent::detail).satisfiesExactly(
                detail -> assertThat(detail).endsWith(shared),
                detail -> assertThat(detail).endsWith("wrapping key " + other.fingerprint()));
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        Instant precise = Instant.parse("2026-11-22T10:00:00.123456789Z");
        Cmk key = Cmk.createWithGeneratedMaterial(TestKeys.newKeyId(), SCOPE, Alias.of("ms"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, LifecyclePolicy.TENCENT, precise, RANDOM);
        assertThat(key.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123Z"));
        assertThat(key.drainEvents()).extracting(KeyEvent::at).containsExactly(key.createdAt());
    }
}
