package dev.keyport.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.inmemory.InMemoryAuditLog;
import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.in.SeedKeysCommand;
import dev.keyport.application.port.in.SweepCommand;
import dev.keyport.application.port.in.SweepResult;
import dev.keyport.application.testing.DelegatingKeyRepository;
import dev.keyport.application.testing.MutableClock;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.Description;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeySeed;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import dev.keyport.domain.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The unit of work discards every key it creates or loads before the use case returns, succeeded or refused: the
 * material that key held in clear is erased, while the stored key stays whole.
 */
class UnitOfWorkDiscardsKeysTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final Caller caller = new Caller(KeyScope.of("tenant-a", "ap-guangzhou"), "AKID", "req",
            LifecyclePolicy.TENCENT);

    /** Remembers every key handed to it or handed out by it. */
    private static final class RecordingRepository extends DelegatingKeyRepository {
        final List<Cmk> seen = new ArrayList<>();

        @Override
        public Optional<Cmk> find(KeyScope scope, KeyId id) {
            Optional<Cmk> found = super.find(scope, id);
            found.ifPresent(seen::add);
            return found;
        }

        @Override
        public void add(Cmk key) {
            seen.add(key);
            super.add(key);
        }

        @Override
        public void addAll(List<Cmk> keys) {
            seen.addAll(keys);
            super.addAll(keys);
        }
    }

    @Test
    void everyKeyOfASeededBatchIsDiscardedOnceStoredOrRefused() {
        RecordingRepository keys = new RecordingRepository();
        MutableClock clock = new MutableClock(T0);
        Keyport keyport = Keyport.builder().clock(clock).storage(new InMemoryKeyStorage(keys, new InMemoryAuditLog()))
                .build();
        KeySeed byok = new KeySeed(TestKeys.newKeyId(), caller.scope(), Alias.of("seeded-byok"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL, Optional.of(KeyMaterial.of(TestKeys.material())),
                KeyState.ENABLED, 30);
        KeySeed generated = new KeySeed(TestKeys.newKeyId(), caller.scope(), Alias.of("seeded-generated"),
                Description.NONE, KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT, Optional.empty(), KeyState.ENABLED, 30);
        keyport.seedKeys(new SeedKeysCommand("seed", LifecyclePolicy.HUAWEI, List.of(byok, generated)));
        KeySeed clash = new KeySeed(TestKeys.newKeyId(), caller.scope(), Alias.of("seeded-byok"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT, Optional.empty(), KeyState.ENABLED, 30);
        assertThatThrownBy(() -> keyport.seedKeys(new SeedKeysCommand("seed", LifecyclePolicy.HUAWEI,
                List.of(clash)))).isInstanceOf(DomainException.class);

        assertThat(keys.seen).hasSize(3);
        for (Cmk key : keys.seen) {
            assertThatThrownBy(() -> key.encrypt("x".getBytes(), new byte[0], clock.instant(), TestKeys.RANDOM))
                    .as(key.toString()).isInstanceOf(IllegalStateException.class).hasMessageContaining("discarded");
        }
        assertThat(keyport.encrypt(new EncryptCommand(caller, byok.id(), "p".getBytes(), null)).ciphertext())
                .as("the stored key is whole").isNotEmpty();
    }

    @Test
    void everyKeyCreatedOrLoadedIsDiscardedWhenTheUseCaseEndsWhateverItsOutcome() {
        RecordingRepository keys = new RecordingRepository();
        MutableClock clock = new MutableClock(T0);
        Keyport keyport = Keyport.builder().clock(clock).storage(new InMemoryKeyStorage(keys, new InMemoryAuditLog()))
                .wrappingKeys((use, now) -> TestKeys.WRAPPING_KEY).build();

        KeyId generated = keyport.createKey(new CreateKeyCommand(caller, Alias.of("generated"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
        byte[] ciphertext = keyport.encrypt(new EncryptCommand(caller, generated, "p".getBytes(), null)).ciphertext();
        keyport.describeKey(new DescribeKeyCommand(caller, generated));
        keyport.disableKey(new DisableKeyCommand(caller, generated));
        assertThatThrownBy(() -> keyport.encrypt(new EncryptCommand(caller, generated, "p".getBytes(), null)))
                .as("refused: the key is disabled").isInstanceOf(DomainException.class);
        keyport.enableKey(new EnableKeyCommand(caller, generated));
        assertThat(keyport.decrypt(new DecryptCommand(caller, ciphertext, null)).plaintext())
                .as("the stored key is untouched").isEqualTo("p".getBytes());
        keyport.disableKey(new DisableKeyCommand(caller, generated));
        keyport.scheduleKeyDeletion(new ScheduleKeyDeletionCommand(caller, generated, 7));

        KeyId imported = keyport.createKey(new CreateKeyCommand(caller, Alias.of("imported"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL)).id();
        ImportParameters parameters = keyport.getParametersForImport(new GetParametersForImportCommand(caller,
                imported, WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
        keyport.importKeyMaterial(new ImportKeyMaterialCommand(caller, imported, parameters.token(),
                WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(TestKeys.WRAPPING_KEY.publicKey(), TestKeys.material()),
                Optional.of(T0.plus(Duration.ofHours(1)))));
        clock.advance(Duration.ofDays(7));
        assertThat(keyport.sweep(new SweepCommand(100))).as("an expiry, a purge, the import's grant")
                .isEqualTo(new SweepResult(1, 1, 1));

        assertThat(keys.seen).as("create, encrypt, describe, disable, refused encrypt, enable, decrypt, disable, "
                + "schedule; create, parameters, import; expire, purge").hasSize(14);
        for (Cmk key : keys.seen) {
            assertThatThrownBy(() -> key.encrypt("x".getBytes(), new byte[0], clock.instant(), TestKeys.RANDOM))
                    .as(key.toString()).isInstanceOf(IllegalStateException.class).hasMessageContaining("discarded");
        }
    }
}
