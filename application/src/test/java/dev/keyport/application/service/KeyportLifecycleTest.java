package dev.keyport.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.inmemory.InMemoryAuditLog;
import dev.keyport.application.inmemory.InMemoryKeyRepository;
import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CancelKeyDeletionCommand;
import dev.keyport.application.port.in.CloudResourceCommand;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.ListKeysCommand;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.in.SweepCommand;
import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.application.testing.MutableClock;
import dev.keyport.domain.Alias;
import dev.keyport.domain.ChangeReason;
import dev.keyport.domain.CloudResource;
import dev.keyport.domain.Description;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyChange;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The whole BYOK lifecycle through the use cases, in memory, with real cryptography and a clock moved by hand. */
class KeyportLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryKeyRepository keys = new InMemoryKeyRepository();
    private final Keyport keyport = Keyport.builder().clock(clock).storage(new InMemoryKeyStorage(keys, audit)).build();
    private final Caller caller = new Caller(KeyScope.of("tenant-a", "ap-guangzhou"), "AKIDcaller", "req-1", LifecyclePolicy.NEUTRAL);
    private final Caller stranger = new Caller(KeyScope.of("tenant-b", "ap-guangzhou"), "AKIDstranger", "req-2", LifecyclePolicy.NEUTRAL);

    private KeyView createExternal(String alias) {
        return keyport.createKey(new CreateKeyCommand(caller.withPolicy(LifecyclePolicy.TENCENT), Alias.of(alias), Description.of("byok"),
                KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL));
    }

    private KeyView importMaterial(KeyId id, byte[] material, WrappingAlgorithm algorithm,
                                   Optional<Instant> expiry, LifecyclePolicy policy) throws Exception {
        ImportParameters parameters = keyport.getParametersForImport(new GetParametersForImportCommand(caller, id,
                algorithm, WrappingKeySpec.RSA_2048));
        var publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(parameters.publicKeyDer()));
        return keyport.importKeyMaterial(new ImportKeyMaterialCommand(caller.withPolicy(policy), id, parameters.token(),
                algorithm.wrap(publicKey, material), expiry));
    }

    private static byte[] material() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return material;
    }

    @Test
    void theByokLifecycleRunsEndToEnd() throws Exception {
        KeyView created = createExternal("byok-key");
        assertThat(created.state()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(created.origin()).isEqualTo(Origin.EXTERNAL);
        KeyId id = created.id();

        byte[] material = material();
        for (WrappingAlgorithm algorithm : WrappingAlgorithm.values()) {
            // Tencent: re-importing the same material into the Enabled key succeeds with every algorithm
            assertThat(importMaterial(id, material, algorithm, Optional.empty(), LifecyclePolicy.TENCENT).state())
                    .isEqualTo(KeyState.ENABLED);
        }
        byte[] ciphertext = keyport.encrypt(new EncryptCommand(caller, id, "hello".getBytes(), "ctx".getBytes()))
                .ciphertext();

        KeyView deleted = keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(caller, id));
        assertThat(deleted.state()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(keyport.describeKey(new DescribeKeyCommand(caller, id)).state()).isEqualTo(KeyState.PENDING_IMPORT);
        assertRefused(() -> keyport.decrypt(new DecryptCommand(caller, ciphertext, "ctx".getBytes())),
                DomainErrorCode.KEY_PENDING_IMPORT);

        assertRefused(() -> importMaterial(id, material(), WrappingAlgorithm.RSAES_OAEP_SHA_256, Optional.empty(),
                LifecyclePolicy.HUAWEI), DomainErrorCode.MATERIAL_MISMATCH);
        importMaterial(id, material, WrappingAlgorithm.RSAES_OAEP_SHA_256, Optional.empty(), LifecyclePolicy.HUAWEI);
        assertThat(keyport.decrypt(new DecryptCommand(caller, ciphertext, "ctx".getBytes())).plaintext())
                .isEqualTo("hello".getBytes());
        assertRefused(() -> importMaterial(id, material, WrappingAlgorithm.RSAES_OAEP_SHA_256, Optional.empty(),
                LifecyclePolicy.HUAWEI), DomainErrorCode.IMPORT_STATE_NOT_SUPPORTED);
    }

    @Test
    void everyOperationOnAKeyOfAnotherTenantIsKeyNotFound() throws Exception {
        KeyId id = createExternal("mine").id();
        importMaterial(id, material(), WrappingAlgorithm.RSAES_OAEP_SHA_256, Optional.empty(),
                LifecyclePolicy.TENCENT);
        byte[] ciphertext = keyport.encrypt(new EncryptCommand(caller, id, "x".getBytes(), null)).ciphertext();

        List<ThrowingCallable> calls = List.of(
                () -> keyport.describeKey(new DescribeKeyCommand(stranger, id)),
                () -> keyport.getParametersForImport(new GetParametersForImportCommand(stranger, id,
                        WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048)),
                () -> keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(stranger, id)),
                () -> keyport.disableKey(new DisableKeyCommand(stranger, id)),
                () -> keyport.enableKey(new EnableKeyCommand(stranger, id)),
                () -> keyport.scheduleKeyDeletion(new ScheduleKeyDeletionCommand(stranger.withPolicy(LifecyclePolicy.HUAWEI), id, 7)),
                () -> keyport.cancelKeyDeletion(new CancelKeyDeletionCommand(stranger, id)),
                () -> keyport.encrypt(new EncryptCommand(stranger, id, "x".getBytes(), null)),
                () -> keyport.decrypt(new DecryptCommand(stranger, ciphertext, null)),
                () -> keyport.bindCloudResource(new CloudResourceCommand(stranger, id, new CloudResource("a", "b"))));
        for (ThrowingCallable call : calls) {
            assertRefused(call, DomainErrorCode.KEY_NOT_FOUND);
        }
        assertThat(keyport.describeKey(new DescribeKeyCommand(caller, id)).state()).isEqualTo(KeyState.ENABLED);
        assertThat(keyport.listKeys(listAll(stranger)).total()).isZero();
    }

    @Test
    void expiredMaterialIsSeenAtOnceAndPersistedByTheSweep() throws Exception {
        KeyId id = createExternal("expiring").id();
        importMaterial(id, material(), WrappingAlgorithm.RSAES_OAEP_SHA_1,
                Optional.of(T0.plus(Duration.ofHours(1))), LifecyclePolicy.TENCENT);
        assertThat(keyport.describeKey(new DescribeKeyCommand(caller, id)).materialExpiresAt())
                .contains(T0.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofHours(1));
        assertThat(keyport.describeKey(new DescribeKeyCommand(caller, id)).state()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(keyport.listKeys(listAll(caller)).keys()).singleElement()
                .satisfies(v -> assertThat(v.state()).isEqualTo(KeyState.PENDING_IMPORT));
        assertRefused(() -> keyport.encrypt(new EncryptCommand(caller, id, "x".getBytes(), null)),
                DomainErrorCode.KEY_PENDING_IMPORT);
        assertThat(audit.records()).noneMatch(r -> r.change().equals(Optional.of(KeyChange.MATERIAL_DELETED)));

        assertThat(keyport.sweep(new SweepCommand(100)).materialExpired()).isEqualTo(1);
        assertThat(keyport.sweep(new SweepCommand(100)).materialExpired()).as("once").isZero();
        assertThat(audit.records()).filteredOn(r -> r.change().equals(Optional.of(KeyChange.MATERIAL_DELETED)))
                .singleElement().satisfies(r -> {
                    assertThat(r.reason()).isEqualTo(ChangeReason.MATERIAL_EXPIRED);
                    assertThat(r.at()).isEqualTo(T0.plus(Duration.ofHours(1)));
                    assertThat(r.operation()).isEqualTo(KeyOperation.EXPIRE_MATERIAL);
                    assertThat(r.credentialId()).isEqualTo(SweepService.CREDENTIAL);
                });
        assertThat(keys.find(caller.scope(), id).orElseThrow().hasMaterial()).isFalse();
    }

    @Test
    void aKeyPastItsDeletionDateIsGoneAtOnceAndPurgedByTheSweep() {
        KeyId id = createExternal("doomed").id();
        KeyView scheduled = keyport.scheduleKeyDeletion(new ScheduleKeyDeletionCommand(caller.withPolicy(LifecyclePolicy.TENCENT), id, 7));
        assertThat(scheduled.deletionDate()).contains(T0.plus(Duration.ofDays(7)));
        assertThat(keyport.cancelKeyDeletion(new CancelKeyDeletionCommand(caller, id)).state())
                .isEqualTo(KeyState.PENDING_IMPORT);
        keyport.scheduleKeyDeletion(new ScheduleKeyDeletionCommand(caller.withPolicy(LifecyclePolicy.TENCENT), id, 7));

        clock.advance(Duration.ofDays(7));
        assertRefused(() -> keyport.describeKey(new DescribeKeyCommand(caller, id)), DomainErrorCode.KEY_NOT_FOUND);
        assertRefused(() -> keyport.cancelKeyDeletion(new CancelKeyDeletionCommand(caller, id)),
                DomainErrorCode.KEY_NOT_FOUND);
        assertThat(keyport.listKeys(listAll(caller)).total()).isZero();
        assertThat(keys.size()).isEqualTo(1);

        assertThat(keyport.sweep(new SweepCommand(100)).keysPurged()).isEqualTo(1);
        assertThat(keys.size()).isZero();
        assertThat(audit.records()).filteredOn(r -> r.change().equals(Optional.of(KeyChange.PURGED))).hasSize(1);
        // the alias is free again
        createExternal("doomed");
    }

    @Test
    void bindingsBlockTheDeleteOfMaterialUntilUnbound() throws Exception {
        KeyId id = createExternal("bound").id();
        importMaterial(id, material(), WrappingAlgorithm.RSAES_OAEP_SHA_256,
                Optional.of(T0.plus(Duration.ofDays(1))), LifecyclePolicy.TENCENT);
        CloudResource resource = new CloudResource("ssm", "secret-1");
        KeyView bound = keyport.bindCloudResource(new CloudResourceCommand(caller, id, resource));
        assertThat(bound.materialExpiresAt()).isEmpty();
        keyport.bindCloudResource(new CloudResourceCommand(caller, id, resource));

        assertRefused(() -> keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(caller, id)),
                DomainErrorCode.KEY_IN_USE_BY_CLOUD_RESOURCE);
        assertRefused(() -> keyport.disableKey(new DisableKeyCommand(caller, id)),
                DomainErrorCode.KEY_IN_USE_BY_CLOUD_RESOURCE);
        keyport.unbindCloudResource(new CloudResourceCommand(caller, id, resource));
        assertRefused(() -> keyport.unbindCloudResource(new CloudResourceCommand(caller, id, resource)),
                DomainErrorCode.CLOUD_RESOURCE_BINDING_NOT_FOUND);
        assertThat(keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(caller, id)).state())
                .isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void everyChangeAndEveryRefusedChangeIsAudited() throws Exception {
        KeyId id = createExternal("audited").id();
        importMaterial(id, material(), WrappingAlgorithm.RSAES_OAEP_SHA_256, Optional.empty(),
                LifecyclePolicy.HUAWEI);
        keyport.disableKey(new DisableKeyCommand(caller, id));
        assertRefused(() -> keyport.disableKey(new DisableKeyCommand(caller, id)), DomainErrorCode.KEY_NOT_ENABLED);
        keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(caller, id));
        assertRefused(() -> createExternal("audited"), DomainErrorCode.ALIAS_ALREADY_EXISTS);

        List<AuditRecord> records = audit.records();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.scope()).isEqualTo(caller.scope());
            assertThat(r.credentialId()).isEqualTo("AKIDcaller");
            assertThat(r.requestId()).isEqualTo("req-1");
        });
        assertThat(records).extracting(r -> r.change().map(Enum::name).orElseGet(() -> "REFUSED " + r.error().orElseThrow()))
                .containsExactly("CREATED", "IMPORT_PARAMETERS_ISSUED", "MATERIAL_IMPORTED", "DISABLED",
                        "REFUSED KEY_NOT_ENABLED", "MATERIAL_DELETED", "REFUSED ALIAS_ALREADY_EXISTS");
        assertThat(records.get(4)).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.REFUSED);
            assertThat(r.keyId()).contains(id);
            assertThat(r.to()).contains(KeyState.DISABLED);
            assertThat(r.operation()).isEqualTo(KeyOperation.DISABLE);
        });
        assertThat(records.get(5).reason()).isEqualTo(ChangeReason.REQUESTED);
        assertThat(records).extracting(AuditRecord::keyVersion).containsExactly(1L, 2L, 3L, 4L, 0L, 5L, 0L);
        assertThat(records.get(6).keyId()).isEmpty();
    }

    @Test
    void readsAndIdempotentChangesWriteNothing() throws Exception {
        KeyId id = keyport.createKey(new CreateKeyCommand(caller.withPolicy(LifecyclePolicy.HUAWEI), Alias.of("gen"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
        CloudResource resource = new CloudResource("ssm", "s");
        keyport.bindCloudResource(new CloudResourceCommand(caller, id, resource));
        long version = keys.find(caller.scope(), id).orElseThrow().version();
        int audited = audit.records().size();

        keyport.describeKey(new DescribeKeyCommand(caller, id));
        keyport.decrypt(new DecryptCommand(caller, keyport.encrypt(new EncryptCommand(caller, id, "x".getBytes(),
                null)).ciphertext(), null));
        keyport.bindCloudResource(new CloudResourceCommand(caller, id, resource));

        assertThat(keys.find(caller.scope(), id).orElseThrow().version()).isEqualTo(version);
        assertThat(audit.records()).hasSize(audited);
    }

    @Test
    void listingPagesAndFilters() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            keyport.createKey(new CreateKeyCommand(caller.withPolicy(LifecyclePolicy.TENCENT), Alias.of("list-" + i), Description.NONE,
                    KeyUsage.ENCRYPT_DECRYPT, i % 2 == 0 ? Origin.EXTERNAL : Origin.KEYPORT));
        }
        var page = keyport.listKeys(new ListKeysCommand(caller, EnumSet.allOf(KeyState.class),
                Optional.of(Origin.EXTERNAL), Optional.empty(), Optional.empty(), false, 1, 1));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.keys()).extracting(v -> v.alias().value()).containsExactly("list-2");
        var enabled = keyport.listKeys(new ListKeysCommand(caller, EnumSet.of(KeyState.ENABLED), Optional.empty(),
                Optional.empty(), Optional.of("LIST"), true, 0, 10));
        assertThat(enabled.keys()).extracting(v -> v.alias().value()).containsExactly("list-3", "list-1");
    }

    private ListKeysCommand listAll(Caller who) {
        return new ListKeysCommand(who, EnumSet.allOf(KeyState.class), Optional.empty(), Optional.empty(),
                Optional.empty(), true, 0, 100);
    }

    private static void assertRefused(ThrowingCallable call, DomainErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                (Consumer<DomainException>) e -> assertThat(e.code()).isEqualTo(code));
    }
}
