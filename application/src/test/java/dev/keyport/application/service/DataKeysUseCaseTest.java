package dev.keyport.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.inmemory.InMemoryAuditLog;
import dev.keyport.application.inmemory.InMemoryKeyRepository;
import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.EncryptDataKeyCommand;
import dev.keyport.application.port.in.GenerateDataKeyCommand;
import dev.keyport.application.port.in.GenerateDataKeyResult;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.ReEncryptCommand;
import dev.keyport.application.port.in.ReEncryptResult;
import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.application.testing.MutableClock;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The data-key use cases: what they answer, what the audit trail keeps of them, and what it never keeps. */
class DataKeysUseCaseTest {

    private static final byte[] CONTEXT = "{\"bucket\":\"b1\"}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final Keyport keyport = Keyport.builder().clock(clock)
            .storage(new InMemoryKeyStorage(new InMemoryKeyRepository(), audit)).build();
    private final Caller caller = new Caller(KeyScope.of("tenant-a", "ap-guangzhou"), "AKIDcaller", "req-1",
            LifecyclePolicy.NEUTRAL);
    private final Caller stranger = new Caller(KeyScope.of("tenant-b", "ap-guangzhou"), "AKIDstranger", "req-2",
            LifecyclePolicy.NEUTRAL);

    private KeyId create(String alias) {
        return keyport.createKey(new CreateKeyCommand(caller, Alias.of(alias), Description.of(""),
                KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
    }

    private List<AuditRecord> records(KeyOperation operation) {
        return audit.records().stream().filter(r -> r.operation() == operation).toList();
    }

    @Test
    void aDataKeyIsAnsweredOnceAndRecordedWithoutItsPlaintext() {
        KeyId id = create("dek");
        GenerateDataKeyResult made = keyport.generateDataKey(new GenerateDataKeyCommand(caller, id, 32, CONTEXT,
                true));
        byte[] plaintext = made.plaintext().orElseThrow().clone();
        assertThat(keyport.decryptDataKey(new DecryptCommand(caller, made.ciphertext(), CONTEXT)).plaintext())
                .isEqualTo(plaintext);
        made.erase();
        assertThat(made.plaintext().orElseThrow()).containsOnly(0);

        List<AuditRecord> generated = records(KeyOperation.GENERATE_DATA_KEY);
        assertThat(generated).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.SUCCEEDED);
            assertThat(r.change()).isEmpty();
            assertThat(r.keyId()).contains(id);
            assertThat(r.from()).contains(KeyState.ENABLED);
            assertThat(r.to()).contains(KeyState.ENABLED);
            assertThat(r.detail()).isEqualTo("32 bytes");
            assertThat(r.credentialId()).isEqualTo("AKIDcaller");
            assertThat(r.requestId()).isEqualTo("req-1");
        });
        assertThat(records(KeyOperation.DECRYPT_DATA_KEY)).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("32 bytes"));
        String hex = HexFormat.of().formatHex(plaintext);
        assertThat(audit.records()).allSatisfy(r -> assertThat(r.toString()).doesNotContain(hex));
    }

    @Test
    void withoutPlaintextTheAnswerHasNoPlaintextAndTheCiphertextStillOpens() {
        KeyId id = create("dek");
        GenerateDataKeyResult made = keyport.generateDataKey(new GenerateDataKeyCommand(caller, id, 16, CONTEXT,
                false));
        assertThat(made.plaintext()).isEmpty();
        assertThat(keyport.decryptDataKey(new DecryptCommand(caller, made.ciphertext(), CONTEXT)).plaintext())
                .hasSize(16);
        assertThat(records(KeyOperation.GENERATE_DATA_KEY)).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("16 bytes, without plaintext"));
    }

    @Test
    void aRefusedDataKeyIsRecordedAsRefusedAndAnotherTenantCannotOpenOne() {
        KeyId id = create("dek");
        byte[] blob = keyport.encryptDataKey(new EncryptDataKeyCommand(caller, id, new byte[24], CONTEXT))
                .ciphertext();
        assertThatThrownBy(() -> keyport.decryptDataKey(new DecryptCommand(stranger, blob, CONTEXT)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_NOT_FOUND));

        keyport.disableKey(new DisableKeyCommand(caller, id));
        assertThatThrownBy(() -> keyport.generateDataKey(new GenerateDataKeyCommand(caller, id, 32, CONTEXT, true)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_DISABLED));
        assertThat(records(KeyOperation.GENERATE_DATA_KEY)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.REFUSED);
            assertThat(r.error()).contains(DomainErrorCode.KEY_DISABLED);
            assertThat(r.keyId()).contains(id);
        });
        assertThat(records(KeyOperation.ENCRYPT_DATA_KEY)).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("24 bytes"));
    }

    @Test
    void reEncryptIsRecordedOnBothKeysAndToTheSameKeyWithTheSameContextReturnsTheCiphertextAsItWas() {
        KeyId from = create("from");
        KeyId to = create("to");
        byte[] blob = keyport.generateDataKey(new GenerateDataKeyCommand(caller, from, 32, CONTEXT, false))
                .ciphertext();

        ReEncryptResult moved = keyport.reEncrypt(new ReEncryptCommand(caller, blob, CONTEXT, Optional.of(to),
                new byte[0]));
        assertThat(moved.reEncrypted()).isTrue();
        assertThat(moved.keyId()).isEqualTo(to);
        assertThat(moved.sourceKeyId()).isEqualTo(from);
        assertThat(keyport.decryptDataKey(new DecryptCommand(caller, moved.ciphertext(), new byte[0])).keyId())
                .isEqualTo(to);
        assertThat(records(KeyOperation.RE_ENCRYPT)).extracting(r -> r.keyId().orElseThrow() + " " + r.detail())
                .containsExactlyInAnyOrder(from + " to " + to, to + " from " + from);

        ReEncryptResult same = keyport.reEncrypt(new ReEncryptCommand(caller, blob, CONTEXT, Optional.empty(),
                CONTEXT));
        assertThat(same.reEncrypted()).isFalse();
        assertThat(same.ciphertext()).isEqualTo(blob);
        assertThatThrownBy(() -> keyport.reEncrypt(new ReEncryptCommand(caller, blob, new byte[0], Optional.empty(),
                new byte[0]))).as("the source context is checked even when nothing changes")
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.DECRYPTION_FAILED));

        ReEncryptResult newContext = keyport.reEncrypt(new ReEncryptCommand(caller, blob, CONTEXT, Optional.empty(),
                "{}".getBytes()));
        assertThat(newContext.reEncrypted()).isTrue();
        assertThat(keyport.decrypt(new DecryptCommand(caller, newContext.ciphertext(), "{}".getBytes())).keyId())
                .isEqualTo(from);
    }

    @Test
    void randomBytesAreOneTo1024() {
        assertThat(keyport.generateRandom(1)).hasSize(1);
        assertThat(keyport.generateRandom(1024)).hasSize(1024).isNotEqualTo(keyport.generateRandom(1024));
        for (int bytes : new int[] {0, 1025}) {
            assertThatThrownBy(() -> keyport.generateRandom(bytes))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_RANDOM_LENGTH));
        }
    }
}
