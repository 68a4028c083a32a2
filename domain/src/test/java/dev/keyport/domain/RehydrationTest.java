package dev.keyport.domain;

import static dev.keyport.domain.testing.TestKeys.RANDOM;
import static dev.keyport.domain.testing.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A snapshot rebuilds the same key; a snapshot that breaks the invariants is refused. */
class RehydrationTest {

    @Test
    void aRehydratedKeyBehavesLikeTheOriginal() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk original = TestKeys.externalWith(material);
        original.bind(new CloudResource("ssm", "s-1"), T0);
        ImportParameters parameters = original.issueImportParameters(TestKeys.WRAPPING_KEY,
                WrappingAlgorithm.RSAES_PKCS1_V1_5, T0, RANDOM);
        byte[] ciphertext = original.encrypt("p".getBytes(), new byte[0], T0, RANDOM);

        CmkSnapshot snapshot = original.snapshot();
        Cmk copy = Cmk.rehydrate(snapshot);

        assertThat(copy.snapshot()).usingRecursiveComparison().isEqualTo(snapshot);
        assertThat(copy.decrypt(ciphertext, new byte[0], T0)).isEqualTo("p".getBytes());
        assertThat(copy.drainEvents()).isEmpty();
        // the copy is independent: changing it leaves the original alone
        copy.unbind(new CloudResource("ssm", "s-1"), T0);
        copy.deleteImportedKeyMaterial(T0);
        assertThat(original.state()).isEqualTo(KeyState.ENABLED);
        assertThat(original.decrypt(ciphertext, new byte[0], T0)).isEqualTo("p".getBytes());
        // the grant survived: its token still imports, into the copy
        byte[] wrapped = WrappingAlgorithm.RSAES_PKCS1_V1_5.wrap(TestKeys.WRAPPING_KEY.publicKey(), material);
        copy.importMaterial(parameters.token(), wrapped, null, LifecyclePolicy.HUAWEI, T0, RANDOM);
        assertThat(copy.state()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void aRestoredFingerprintStillRecognisesTheMaterial() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        key.deleteImportedKeyMaterial(T0);
        CmkSnapshot s = key.snapshot();
        MaterialFingerprint restored = MaterialFingerprint.restore(s.fingerprint().salt(), s.fingerprint().mac());
        Cmk copy = Cmk.rehydrate(new CmkSnapshot(s.id(), s.scope(), s.alias(), s.description(), s.usage(),
                s.origin(), s.createdAt(), s.state(), null, restored, null, null, Set.of(), List.of(), 3));
        assertThat(copy.version()).isEqualTo(3);
        TestKeys.importInto(copy, material, null, LifecyclePolicy.TENCENT, T0);
        assertThat(copy.state()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void snapshotsThatBreakTheInvariantsAreRefused() {
        CmkSnapshot enabled = TestKeys.externalWith(TestKeys.randomMaterial(32)).snapshot();
        CmkSnapshot pending = TestKeys.external().snapshot();
        Instant date = T0.plus(Duration.ofDays(7));

        List<CmkSnapshot> broken = List.of(
                // enabled without material
                new CmkSnapshot(enabled.id(), enabled.scope(), enabled.alias(), enabled.description(),
                        enabled.usage(), enabled.origin(), enabled.createdAt(), KeyState.ENABLED, null,
                        enabled.fingerprint(), null, null, Set.of(), List.of(), 1),
                // pending import with material
                new CmkSnapshot(enabled.id(), enabled.scope(), enabled.alias(), enabled.description(),
                        enabled.usage(), enabled.origin(), enabled.createdAt(), KeyState.PENDING_IMPORT,
                        enabled.material(), enabled.fingerprint(), null, null, Set.of(), List.of(), 1),
                // imported material without fingerprint
                new CmkSnapshot(enabled.id(), enabled.scope(), enabled.alias(), enabled.description(),
                        enabled.usage(), enabled.origin(), enabled.createdAt(), KeyState.ENABLED,
                        enabled.material(), null, null, null, Set.of(), List.of(), 1),
                // pending delete without a date
                new CmkSnapshot(pending.id(), pending.scope(), pending.alias(), pending.description(),
                        pending.usage(), pending.origin(), pending.createdAt(), KeyState.PENDING_DELETE, null, null,
                        null, null, Set.of(), List.of(), 1),
                // a deletion date on a key not pending deletion
                new CmkSnapshot(pending.id(), pending.scope(), pending.alias(), pending.description(),
                        pending.usage(), pending.origin(), pending.createdAt(), KeyState.PENDING_IMPORT, null, null,
                        null, date, Set.of(), List.of(), 1),
                // a Keyport-origin key without material
                new CmkSnapshot(pending.id(), pending.scope(), pending.alias(), pending.description(),
                        pending.usage(), Origin.KEYPORT, pending.createdAt(), KeyState.DISABLED, null, null, null,
                        null, Set.of(), List.of(), 1),
                // an expiry without material
                new CmkSnapshot(pending.id(), pending.scope(), pending.alias(), pending.description(),
                        pending.usage(), pending.origin(), pending.createdAt(), KeyState.PENDING_IMPORT, null, null,
                        date, null, Set.of(), List.of(), 1));
        for (CmkSnapshot snapshot : broken) {
            assertThatThrownBy(() -> Cmk.rehydrate(snapshot)).isInstanceOf(InvalidValueException.class);
        }
    }
}
