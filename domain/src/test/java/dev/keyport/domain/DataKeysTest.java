package dev.keyport.domain;

import static dev.keyport.domain.testing.TestKeys.RANDOM;
import static dev.keyport.domain.testing.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.testing.TestKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Data keys, ReEncrypt and the ciphertext's two versions, on the aggregate. */
class DataKeysTest {

    private static final byte[] CONTEXT = "{\"table\":\"orders\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant LATER = T0.plus(Duration.ofMinutes(5));

    @Test
    void aDataKeyIsFreshRandomBytesWhoseCiphertextNamesTheKeyAndOpensToThem() {
        Cmk key = TestKeys.generated();
        DataKey one = key.generateDataKey(32, CONTEXT, T0, RANDOM);
        DataKey two = key.generateDataKey(32, CONTEXT, T0, RANDOM);
        assertThat(one.plaintext()).hasSize(32).isNotEqualTo(two.plaintext());
        assertThat(Ciphertext.keyIdOf(one.ciphertext())).isEqualTo(key.id());
        assertThat(Ciphertext.kindOf(one.ciphertext())).isEqualTo(Ciphertext.Kind.DATA_KEY);
        assertThat(Ciphertext.plaintextLengthOf(one.ciphertext())).isEqualTo(32);
        assertThat(key.decryptDataKey(one.ciphertext(), CONTEXT, T0)).isEqualTo(one.plaintext());
        assertThat(key.decrypt(one.ciphertext(), CONTEXT, T0)).as("Tencent's Decrypt opens data keys too")
                .isEqualTo(one.plaintext());
        assertThat(one.toString()).doesNotContain(Arrays.toString(one.plaintext()));

        byte[] plaintext = one.plaintext();
        one.erase();
        assertThat(plaintext).containsOnly(0);
    }

    @Test
    void aDataKeyIsOneTo1024Bytes() {
        Cmk key = TestKeys.generated();
        assertThat(key.generateDataKey(1, CONTEXT, T0, RANDOM).plaintext()).hasSize(1);
        assertThat(key.generateDataKey(1024, CONTEXT, T0, RANDOM).plaintext()).hasSize(1024);
        assertThat(key.encryptDataKey(new byte[1024], CONTEXT, T0, RANDOM)).isNotEmpty();
        for (int bytes : new int[] {0, -1, 1025}) {
            assertThatThrownBy(() -> key.generateDataKey(bytes, CONTEXT, T0, RANDOM))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_DATA_KEY_LENGTH));
        }
        for (byte[] dataKey : new byte[][] {new byte[0], new byte[1025]}) {
            assertThatThrownBy(() -> key.encryptDataKey(dataKey, CONTEXT, T0, RANDOM))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_DATA_KEY_LENGTH));
        }
    }

    @Test
    void aCallersDataKeyIsWrappedAsADataKeyAndDataIsNotADataKey() {
        Cmk key = TestKeys.generated();
        byte[] mine = TestKeys.randomMaterial(32);
        byte[] wrapped = key.encryptDataKey(mine, CONTEXT, T0, RANDOM);
        assertThat(Ciphertext.kindOf(wrapped)).isEqualTo(Ciphertext.Kind.DATA_KEY);
        assertThat(key.decryptDataKey(wrapped, CONTEXT, T0)).isEqualTo(mine);

        byte[] data = key.encrypt("not a key".getBytes(), CONTEXT, T0, RANDOM);
        assertThat(Ciphertext.kindOf(data)).isEqualTo(Ciphertext.Kind.DATA);
        assertThatThrownBy(() -> key.decryptDataKey(data, CONTEXT, T0))
                .isInstanceOfSatisfying(CiphertextRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_CIPHERTEXT));
        assertThatThrownBy(() -> key.decryptDataKey(wrapped, "{}".getBytes(), T0))
                .isInstanceOfSatisfying(CiphertextRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.DECRYPTION_FAILED));
    }

    @Test
    void afterTheMaterialIsDeletedNoDataKeyOpensAndTheSameMaterialOpensEveryOneAgain() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        List<DataKey> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(key.generateDataKey(16 + i, CONTEXT, T0, RANDOM));
        }
        byte[] data = key.encrypt("order 42".getBytes(), CONTEXT, T0, RANDOM);

        key.deleteImportedKeyMaterial(T0);
        for (DataKey dataKey : made) {
            assertThatThrownBy(() -> key.decryptDataKey(dataKey.ciphertext(), CONTEXT, LATER))
                    .isInstanceOfSatisfying(KeyStateException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_PENDING_IMPORT));
        }
        assertThatThrownBy(() -> key.generateDataKey(32, CONTEXT, LATER, RANDOM))
                .isInstanceOfSatisfying(KeyStateException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_PENDING_IMPORT));
        assertThatThrownBy(() -> TestKeys.importInto(key, TestKeys.randomMaterial(32), null, LATER))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.MATERIAL_MISMATCH));

        TestKeys.importInto(key, material, null, LATER);
        for (DataKey dataKey : made) {
            assertThat(key.decryptDataKey(dataKey.ciphertext(), CONTEXT, LATER)).isEqualTo(dataKey.plaintext());
        }
        assertThat(key.decrypt(data, CONTEXT, LATER)).isEqualTo("order 42".getBytes());
    }

    @Test
    void aCiphertextMadeUnderOtherMaterialIsRefusedByItsMaterialTagBeforeAnyDecryption() {
        Cmk key = TestKeys.externalWith(TestKeys.randomMaterial(32));
        byte[] blob = key.generateDataKey(32, CONTEXT, T0, RANDOM).ciphertext();
        CmkSnapshot s = key.snapshot();
        Cmk sameIdOtherMaterial = Cmk.rehydrate(new CmkSnapshot(s.id(), s.scope(), s.alias(), s.description(),
                s.usage(), s.origin(), s.createdAt(), s.state(), KeyMaterial.of(TestKeys.randomMaterial(32)),
                s.fingerprint(), s.materialExpiresAt(), s.deletionDate(), s.bindings(), s.grants(), s.version()));
        assertThatThrownBy(() -> sameIdOtherMaterial.decryptDataKey(blob, CONTEXT, T0))
                .isInstanceOfSatisfying(CiphertextRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(DomainErrorCode.DECRYPTION_FAILED);
                    assertThat(e.getMessage()).contains("other material");
                });
    }

    @Test
    void aVersionOneCiphertextMadeBeforeDataKeysStillOpensAsData() throws Exception {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        byte[] header = ByteBuffer.allocate(37).put((byte) 1)
                .put(key.id().value().getBytes(StandardCharsets.US_ASCII)).array();
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(material, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(header);
        cipher.updateAAD(CONTEXT);
        byte[] sealed = cipher.doFinal("old".getBytes());
        byte[] v1 = ByteBuffer.allocate(header.length + iv.length + sealed.length).put(header).put(iv).put(sealed)
                .array();

        assertThat(Ciphertext.kindOf(v1)).isEqualTo(Ciphertext.Kind.DATA);
        assertThat(Ciphertext.keyIdOf(v1)).isEqualTo(key.id());
        assertThat(key.decrypt(v1, CONTEXT, T0)).isEqualTo("old".getBytes());
        v1[1] ^= 1; // the key id is authenticated: an altered id names another key or none
        assertThatThrownBy(() -> key.decrypt(v1, CONTEXT, T0)).isInstanceOf(CiphertextRejectedException.class);
    }

    @Test
    void aCiphertextOfAnUnknownKindOrVersionIsInvalid() {
        Cmk key = TestKeys.generated();
        byte[] blob = key.generateDataKey(16, CONTEXT, T0, RANDOM).ciphertext();
        for (int[] change : new int[][] {{0, 3}, {1, 2}, {1, -1}}) {
            byte[] altered = blob.clone();
            altered[change[0]] = (byte) change[1];
            assertThatThrownBy(() -> Ciphertext.kindOf(altered))
                    .isInstanceOfSatisfying(CiphertextRejectedException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_CIPHERTEXT));
            assertThat(Ciphertext.isWellFormed(altered)).isFalse();
        }
        byte[] kindChanged = key.encrypt("data".getBytes(), CONTEXT, T0, RANDOM);
        kindChanged[1] = (byte) Ciphertext.Kind.DATA_KEY.ordinal();
        assertThatThrownBy(() -> key.decryptDataKey(kindChanged, CONTEXT, T0))
                .as("the kind is authenticated").isInstanceOfSatisfying(CiphertextRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.DECRYPTION_FAILED));
    }

    @Test
    void reEncryptMovesACiphertextToAnotherKeyKeepingItsKindAndRefusesAWrongSourceContext() {
        Cmk source = TestKeys.generated();
        Cmk destination = TestKeys.externalWith(TestKeys.randomMaterial(16));
        DataKey dataKey = source.generateDataKey(32, CONTEXT, T0, RANDOM);
        byte[] moved = destination.reEncrypt(source, dataKey.ciphertext(), CONTEXT, "{}".getBytes(), T0, RANDOM);
        assertThat(Ciphertext.keyIdOf(moved)).isEqualTo(destination.id());
        assertThat(Ciphertext.kindOf(moved)).isEqualTo(Ciphertext.Kind.DATA_KEY);
        assertThat(destination.decryptDataKey(moved, "{}".getBytes(), T0)).isEqualTo(dataKey.plaintext());

        byte[] data = source.encrypt("data".getBytes(), CONTEXT, T0, RANDOM);
        byte[] movedData = destination.reEncrypt(source, data, CONTEXT, CONTEXT, T0, RANDOM);
        assertThat(Ciphertext.kindOf(movedData)).isEqualTo(Ciphertext.Kind.DATA);
        assertThat(destination.decrypt(movedData, CONTEXT, T0)).isEqualTo("data".getBytes());

        assertThatThrownBy(() -> destination.reEncrypt(source, data, "{}".getBytes(), CONTEXT, T0, RANDOM))
                .isInstanceOfSatisfying(CiphertextRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.DECRYPTION_FAILED));
        destination.disable(T0);
        assertThatThrownBy(() -> destination.reEncrypt(source, data, CONTEXT, CONTEXT, T0, RANDOM))
                .isInstanceOfSatisfying(KeyStateException.class, e -> {
                    assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_DISABLED);
                    assertThat(e.keyId()).contains(destination.id());
                });
    }
}
