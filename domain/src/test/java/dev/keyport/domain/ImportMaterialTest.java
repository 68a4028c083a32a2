package dev.keyport.domain;

import static dev.keyport.domain.testing.TestKeys.RANDOM;
import static dev.keyport.domain.testing.TestKeys.T0;
import static dev.keyport.domain.testing.TestKeys.WRAPPING_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.testing.TestKeys;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Importing material: real RSA wrapping, every refusal with its own code, and the key bound to its first material. */
class ImportMaterialTest {

    private static final Instant NOW = T0.plus(Duration.ofMinutes(5));

    @ParameterizedTest
    @EnumSource(WrappingAlgorithm.class)
    void materialWrappedWithTheIssuedPublicKeyImportsByEachAlgorithm(WrappingAlgorithm algorithm) throws Exception {
        Cmk key = TestKeys.external();
        ImportParameters parameters = key.issueImportParameters(WRAPPING_KEY, algorithm, NOW, RANDOM);
        byte[] material = TestKeys.randomMaterial(32);

        // wrap as a client does: with the public key as the caller receives it, DER SubjectPublicKeyInfo
        PublicKey published = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(parameters.publicKeyDer()));
        byte[] wrapped = algorithm.wrap(published, material);
        key.importMaterial(parameters.token(), wrapped, null, LifecyclePolicy.TENCENT, NOW, RANDOM);

        assertThat(key.state()).isEqualTo(KeyState.ENABLED);
        assertThat(key.snapshot().material().copyBytes(SecretAccess.get())).isEqualTo(material);
        assertThat(parameters.algorithm()).isEqualTo(algorithm);
        assertThat(parameters.spec()).isEqualTo(WrappingKeySpec.RSA_2048);
        assertThat(parameters.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void oaepSha256IsUnwrappedWithMgf1Sha256AsTheVendorsToolsWrapAndWithTheJdkDefaultMgf1Sha1() throws Exception {
        for (String mgfHash : new String[] {"SHA-256", "SHA-1"}) {
            Cmk key = TestKeys.external();
            ImportParameters parameters = key.issueImportParameters(WRAPPING_KEY,
                    WrappingAlgorithm.RSAES_OAEP_SHA_256, NOW, RANDOM);
            byte[] material = TestKeys.randomMaterial(32);
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, WRAPPING_KEY.publicKey(), new javax.crypto.spec.OAEPParameterSpec(
                    "SHA-256", "MGF1", new java.security.spec.MGF1ParameterSpec(mgfHash),
                    javax.crypto.spec.PSource.PSpecified.DEFAULT));
            key.importMaterial(parameters.token(), cipher.doFinal(material), null, LifecyclePolicy.HUAWEI, NOW,
                    RANDOM);
            assertThat(key.state()).as("MGF1 " + mgfHash).isEqualTo(KeyState.ENABLED);
            assertThat(key.snapshot().material().copyBytes(SecretAccess.get())).isEqualTo(material);
        }
    }

    @Test
    void wrappingKeysOf3072And4096BitsWork() {
        for (WrappingKeySpec spec : new WrappingKeySpec[] {WrappingKeySpec.RSA_3072, WrappingKeySpec.RSA_4096}) {
            WrappingKeyPair pair = spec.generate(RANDOM);
            Cmk key = TestKeys.external();
            ImportParameters parameters = key.issueImportParameters(pair, WrappingAlgorithm.RSAES_OAEP_SHA_1, NOW,
                    RANDOM);
            byte[] wrapped = WrappingAlgorithm.RSAES_OAEP_SHA_1.wrap(pair.publicKey(), TestKeys.randomMaterial(32));
            assertThat(wrapped).hasSize(spec.bits() / 8);
            key.importMaterial(parameters.token(), wrapped, null, LifecyclePolicy.TENCENT, NOW, RANDOM);
            assertThat(key.state()).isEqualTo(KeyState.ENABLED);
        }
    }

    @Test
    void theTokenIsOpaqueBase64OfAtLeast200CharactersAndNeverPrinted() {
        Cmk key = TestKeys.external();
        ImportParameters parameters = issueOaep256(key);
        String token = parameters.token().value();
        assertThat(token).matches("^[0-9a-zA-Z+/=]{200,6144}$");
        assertThat(parameters.token().toString()).doesNotContain(token.substring(0, 16));
        assertThat(key.grants()).singleElement().satisfies(grant -> {
            assertThat(grant.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
            assertThat(grant.toString()).doesNotContain(token.substring(0, 16));
        });
    }

    @Test
    void aMalformedTokenIsRefused() {
        Cmk key = TestKeys.external();
        issueOaep256(key);
        byte[] wrapped = wrapOaep256(TestKeys.randomMaterial(32));
        for (String bad : new String[] {"", "not base64 !", Base64.getEncoder().encodeToString(new byte[160])}) {
            assertRefused(() -> key.importMaterial(ImportToken.of(bad), wrapped, null, LifecyclePolicy.TENCENT, NOW,
                    RANDOM), DomainErrorCode.IMPORT_TOKEN_INVALID, key);
        }
    }

    @Test
    void aTamperedTokenIsRefused() {
        Cmk key = TestKeys.external();
        ImportParameters parameters = issueOaep256(key);
        byte[] token = Base64.getDecoder().decode(parameters.token().value());
        token[token.length - 1] ^= 1; // the secret part
        byte[] wrapped = wrapOaep256(TestKeys.randomMaterial(32));
        assertRefused(() -> key.importMaterial(ImportToken.of(Base64.getEncoder().encodeToString(token)), wrapped,
                null, LifecyclePolicy.TENCENT, NOW, RANDOM), DomainErrorCode.IMPORT_TOKEN_INVALID, key);
    }

    @Test
    void anotherKeysTokenIsRefused() {
        Cmk key = TestKeys.external();
        Cmk other = TestKeys.external();
        issueOaep256(key);
        ImportParameters othersParameters = other.issueImportParameters(WRAPPING_KEY,
                WrappingAlgorithm.RSAES_OAEP_SHA_256, NOW, RANDOM);
        byte[] wrapped = wrapOaep256(TestKeys.randomMaterial(32));
        assertRefused(() -> key.importMaterial(othersParameters.token(), wrapped, null, LifecyclePolicy.TENCENT,
                NOW, RANDOM), DomainErrorCode.IMPORT_TOKEN_KEY_MISMATCH, key);
    }

    @Test
    void aTokenExpiresAfter24Hours() {
        Cmk key = TestKeys.external();
        ImportParameters parameters = issueOaep256(key);
        byte[] wrapped = wrapOaep256(TestKeys.randomMaterial(32));
        Instant expiry = NOW.plus(Duration.ofHours(24));
        assertRefused(() -> key.importMaterial(parameters.token(), wrapped, null, LifecyclePolicy.TENCENT, expiry,
                RANDOM), DomainErrorCode.IMPORT_TOKEN_EXPIRED, key);
        assertThat(key.grants()).as("expired grants are dropped").isEmpty();
        assertRefused(() -> key.importMaterial(parameters.token(), wrapped, null, LifecyclePolicy.TENCENT,
                expiry.plus(Duration.ofDays(30)), RANDOM), DomainErrorCode.IMPORT_TOKEN_EXPIRED, key);
    }

    @Test
    void aTokenStillValidWorksOneMillisecondBeforeItsExpiry() {
        Cmk key = TestKeys.external();
        ImportParameters parameters = issueOaep256(key);
        byte[] wrapped = wrapOaep256(TestKeys.randomMaterial(32));
        key.importMaterial(parameters.token(), wrapped, null, LifecyclePolicy.TENCENT,
                parameters.expiresAt().minusMillis(1), RANDOM);
        assertThat(key.state()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void materialWrappedUnderAnotherPublicKeyOrAlgorithmDoesNotUnwrap() {
        Cmk key = TestKeys.external();
        ImportParameters parameters = issueOaep256(key);
        byte[] material = TestKeys.randomMaterial(32);
        byte[] wrongAlgorithm = WrappingAlgorithm.RSAES_PKCS1_V1_5.wrap(WRAPPING_KEY.publicKey(), material);
        assertRefused(() -> key.importMaterial(parameters.token(), wrongAlgorithm, null, LifecyclePolicy.TENCENT,
                NOW, RANDOM), DomainErrorCode.MATERIAL_UNWRAP_FAILED, key);
        assertRefused(() -> key.importMaterial(parameters.token(), new byte[256], null, LifecyclePolicy.TENCENT,
                NOW, RANDOM), DomainErrorCode.MATERIAL_UNWRAP_FAILED, key);
        assertRefused(() -> key.importMaterial(parameters.token(), new byte[3], null, LifecyclePolicy.TENCENT,
                NOW, RANDOM), DomainErrorCode.MATERIAL_UNWRAP_FAILED, key);
    }

    @Test
    void materialOfTheWrongLengthIsRefused() {
        for (int length : new int[] {1, 15, 24, 31, 33, 64}) {
            Cmk key = TestKeys.external();
            ImportParameters parameters = key.issueImportParameters(WRAPPING_KEY,
                    WrappingAlgorithm.RSAES_OAEP_SHA_256, NOW, RANDOM);
            byte[] wrapped = wrapOaep256(TestKeys.randomMaterial(length));
            assertRefused(() -> key.importMaterial(parameters.token(), wrapped, null, LifecyclePolicy.TENCENT, NOW,
                    RANDOM), DomainErrorCode.MATERIAL_LENGTH_INVALID, key);
        }
    }

    @Test
    void sixteenByteMaterialIsTencentsAndNotHuaweis() {
        Cmk huawei = TestKeys.external();
        ImportParameters parameters = huawei.issueImportParameters(WRAPPING_KEY,
                WrappingAlgorithm.RSAES_OAEP_SHA_256, NOW, RANDOM);
        byte[] wrapped = wrapOaep256(TestKeys.randomMaterial(16));
        assertRefused(() -> huawei.importMaterial(parameters.token(), wrapped, null, LifecyclePolicy.HUAWEI, NOW,
                RANDOM), DomainErrorCode.MATERIAL_LENGTH_INVALID, huawei);

        Cmk tencent = TestKeys.external();
        byte[] material = TestKeys.randomMaterial(16);
        TestKeys.importInto(tencent, material, null, LifecyclePolicy.TENCENT, NOW);
        byte[] ciphertext = tencent.encrypt("hello".getBytes(), new byte[0], NOW, RANDOM);
        assertThat(tencent.decrypt(ciphertext, new byte[0], NOW)).isEqualTo("hello".getBytes());
    }

    @Test
    void aMaterialExpiryMustLieInTheFuture() {
        Cmk key = TestKeys.external();
        ImportParameters parameters = issueOaep256(key);
        byte[] wrapped = wrapOaep256(TestKeys.randomMaterial(32));
        for (Instant past : new Instant[] {NOW, NOW.minusSeconds(1)}) {
            assertRefused(() -> key.importMaterial(parameters.token(), wrapped, past, LifecyclePolicy.TENCENT, NOW,
                    RANDOM), DomainErrorCode.MATERIAL_EXPIRY_NOT_IN_FUTURE, key);
        }
        key.importMaterial(parameters.token(), wrapped, NOW.plusSeconds(1), LifecyclePolicy.TENCENT, NOW, RANDOM);
        assertThat(key.materialExpiresAt()).contains(NOW.plusSeconds(1));
    }

    @Test
    void differentMaterialAfterADeleteIsRefusedAndTheSameMaterialIsAccepted() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        byte[] before = key.encrypt("secret".getBytes(), "ctx".getBytes(), NOW, RANDOM);
        key.deleteImportedKeyMaterial(NOW);

        ImportParameters parameters = key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_1,
                NOW, RANDOM);
        byte[] different = WrappingAlgorithm.RSAES_OAEP_SHA_1.wrap(WRAPPING_KEY.publicKey(),
                TestKeys.randomMaterial(32));
        assertRefused(() -> key.importMaterial(parameters.token(), different, null, LifecyclePolicy.TENCENT, NOW,
                RANDOM), DomainErrorCode.MATERIAL_MISMATCH, key);
        assertThat(key.state()).isEqualTo(KeyState.PENDING_IMPORT);

        byte[] same = WrappingAlgorithm.RSAES_OAEP_SHA_1.wrap(WRAPPING_KEY.publicKey(), material);
        key.importMaterial(parameters.token(), same, null, LifecyclePolicy.HUAWEI, NOW, RANDOM);
        assertThat(key.state()).isEqualTo(KeyState.ENABLED);
        assertThat(key.decrypt(before, "ctx".getBytes(), NOW))
                .as("a ciphertext made before the delete decrypts after the same material is re-imported")
                .isEqualTo("secret".getBytes());
    }

    @Test
    void tencentReimportsTheSameMaterialIntoAnEnabledKeyToChangeOnlyItsExpiry() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        TestKeys.importInto(key, material, NOW.plus(Duration.ofDays(1)), LifecyclePolicy.TENCENT, NOW);
        assertThat(key.state()).isEqualTo(KeyState.ENABLED);
        assertThat(key.materialExpiresAt()).contains(NOW.plus(Duration.ofDays(1)));
        assertThat(key.drainEvents()).extracting(KeyEvent::change)
                .containsExactly(KeyChange.IMPORT_PARAMETERS_ISSUED, KeyChange.MATERIAL_EXPIRY_CHANGED);

        TestKeys.importInto(key, material, null, LifecyclePolicy.TENCENT, NOW);
        assertThat(key.materialExpiresAt()).isEmpty();

        assertThatThrownBy(() -> TestKeys.importInto(key, TestKeys.randomMaterial(32), null, LifecyclePolicy.TENCENT,
                NOW)).isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.MATERIAL_MISMATCH));
    }

    @Test
    void huaweiRefusesAnyImportIntoAKeyThatIsNotPendingImport() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        assertThatThrownBy(() -> TestKeys.importInto(key, material, null, LifecyclePolicy.HUAWEI, NOW))
                .isInstanceOfSatisfying(KeyStateException.class, e -> {
                    assertThat(e.code()).isEqualTo(DomainErrorCode.IMPORT_STATE_NOT_SUPPORTED);
                    assertThat(e.state()).contains(KeyState.ENABLED);
                });
    }

    @Test
    void theSameMaterialInTwoKeysGivesUnrelatedFingerprintsAndCiphertexts() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk first = TestKeys.externalWith(material);
        Cmk second = TestKeys.externalWith(material);
        assertThat(first.snapshot().fingerprint()).isNotEqualTo(second.snapshot().fingerprint());
        byte[] ciphertext = first.encrypt("x".getBytes(), new byte[0], NOW, RANDOM);
        assertThatThrownBy(() -> second.decrypt(ciphertext, new byte[0], NOW))
                .isInstanceOfSatisfying(CiphertextRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_CIPHERTEXT));
    }

    @Test
    void atMostTenGrantsAreOutstandingAndTheOldestGoesFirst() {
        Cmk key = TestKeys.external();
        ImportParameters first = key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, NOW,
                RANDOM);
        for (int i = 1; i <= Cmk.MAX_OUTSTANDING_GRANTS; i++) {
            key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, NOW.plusSeconds(i), RANDOM);
        }
        assertThat(key.grants()).hasSize(Cmk.MAX_OUTSTANDING_GRANTS);
        byte[] wrapped = wrapOaep256(TestKeys.randomMaterial(32));
        assertRefused(() -> key.importMaterial(first.token(), wrapped, null, LifecyclePolicy.TENCENT,
                NOW.plusSeconds(20), RANDOM), DomainErrorCode.IMPORT_TOKEN_INVALID, key);
    }

    private static ImportParameters issueOaep256(Cmk key) {
        return key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, NOW, RANDOM);
    }

    private static byte[] wrapOaep256(byte[] material) {
        return WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(WRAPPING_KEY.publicKey(), material);
    }

    private static void assertRefused(ThrowingCallable call, DomainErrorCode code, Cmk key) {
        KeyState before = key.state();
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.keyId()).contains(key.id());
            assertThat(e.state()).contains(before);
        });
        assertThat(key.state()).isEqualTo(before);
    }
}
