package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.DeleteImportedKeyMaterialRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GetParametersForImportRequest;
import com.tencentcloudapi.kms.v20190118.models.GetParametersForImportResponse;
import com.tencentcloudapi.kms.v20190118.models.ImportKeyMaterialRequest;
import com.tencentcloudapi.kms.v20190118.models.KeyMetadata;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole BYOK lifecycle through the official Tencent Cloud Java SDK, unchanged but for its endpoint: create an
 * EXTERNAL key, import material wrapped by each algorithm, use it, delete the material, re-import it.
 */
class TencentSdkLifecycleTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static TencentServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() throws Exception {
        server = new TencentServer();
        kms = server.client();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Wraps as a client of the vendor would, with the JDK, not with Keyport's code. */
    static String wrap(String algorithm, String publicKeyBase64, byte[] material) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        Cipher cipher;
        switch (algorithm) {
            case "RSAES_PKCS1_V1_5" -> {
                cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                cipher.init(Cipher.ENCRYPT_MODE, key);
            }
            case "RSAES_OAEP_SHA_1" -> {
                cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
                cipher.init(Cipher.ENCRYPT_MODE, key);
            }
            default -> {
                cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1",
                        MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            }
        }
        return Base64.getEncoder().encodeToString(cipher.doFinal(material));
    }

    /** An EXTERNAL key with 32 zero bytes of material, Enabled. */
    static String enabledExternalKey(KmsClient kms, String alias) throws Exception {
        String keyId = createExternalKey(kms, alias);
        importMaterial(kms, keyId, "RSAES_OAEP_SHA_256", new byte[32]);
        return keyId;
    }

    static String createExternalKey(KmsClient kms, String alias) throws TencentCloudSDKException {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(alias);
        create.setDescription("imported");
        create.setType(2L);
        CreateKeyResponse created = kms.CreateKey(create);
        assertThat(created.getKeyState()).isEqualTo("PendingImport");
        return created.getKeyId();
    }

    static GetParametersForImportResponse parameters(KmsClient kms, String keyId, String algorithm)
            throws TencentCloudSDKException {
        GetParametersForImportRequest get = new GetParametersForImportRequest();
        get.setKeyId(keyId);
        get.setWrappingAlgorithm(algorithm);
        get.setWrappingKeySpec("RSA_2048");
        return kms.GetParametersForImport(get);
    }

    /** An import of {@code material} into {@code keyId}, wrapped under the public key of {@code parameters}. */
    static ImportKeyMaterialRequest importRequest(String keyId, GetParametersForImportResponse parameters,
                                                  String algorithm, byte[] material) throws Exception {
        ImportKeyMaterialRequest importing = new ImportKeyMaterialRequest();
        importing.setKeyId(keyId);
        importing.setImportToken(parameters.getImportToken());
        importing.setEncryptedKeyMaterial(wrap(algorithm, parameters.getPublicKey(), material));
        return importing;
    }

    static void importMaterial(KmsClient kms, String keyId, String algorithm, byte[] material) throws Exception {
        GetParametersForImportResponse parameters = parameters(kms, keyId, algorithm);
        assertThat(parameters.getKeyId()).isEqualTo(keyId);
        assertThat(parameters.getParametersValidTo())
                .isBetween(Instant.now().getEpochSecond() + 86_300, Instant.now().getEpochSecond() + 86_500);
        kms.ImportKeyMaterial(importRequest(keyId, parameters, algorithm, material));
    }

    static KeyMetadata describe(KmsClient kms, String keyId) throws TencentCloudSDKException {
        DescribeKeyRequest describe = new DescribeKeyRequest();
        describe.setKeyId(keyId);
        return kms.DescribeKey(describe).getKeyMetadata();
    }

    static void assertCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TencentCloudSDKException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(code);
            assertThat(e.getRequestId()).isNotEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSAES_PKCS1_V1_5", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"})
    void theByokLifecycleRunsThroughTheOfficialSdk(String algorithm) throws Exception {
        String keyId = createExternalKey(kms, "byok-" + algorithm.replace('_', '-').toLowerCase() + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);

        importMaterial(kms, keyId, algorithm, material);
        KeyMetadata enabled = describe(kms, keyId);
        assertThat(enabled.getKeyState()).isEqualTo("Enabled");
        assertThat(enabled.getOrigin()).isEqualTo("EXTERNAL");
        assertThat(enabled.getValidTo()).isZero();

        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext(Base64.getEncoder().encodeToString("hello keyport".getBytes(StandardCharsets.UTF_8)));
        encrypt.setEncryptionContext("{\"app\":\"test\"}");
        String ciphertext = kms.Encrypt(encrypt).getCiphertextBlob();

        DeleteImportedKeyMaterialRequest delete = new DeleteImportedKeyMaterialRequest();
        delete.setKeyId(keyId);
        assertThat(kms.DeleteImportedKeyMaterial(delete).getRequestId()).isNotEmpty();

        KeyMetadata pending = describe(kms, keyId);
        assertThat(pending.getKeyState()).isEqualTo("PendingImport");
        assertThat(pending.getOrigin()).isEqualTo("EXTERNAL");
        DecryptRequest decrypt = new DecryptRequest();
        decrypt.setCiphertextBlob(ciphertext);
        decrypt.setEncryptionContext("{\"app\":\"test\"}");
        assertCode(() -> kms.Decrypt(decrypt), "ResourceUnavailable.CmkStateNotSupport");

        importMaterial(kms, keyId, algorithm, material);
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Enabled");
        var decrypted = kms.Decrypt(decrypt);
        assertThat(decrypted.getKeyId()).isEqualTo(keyId);
        assertThat(Base64.getDecoder().decode(decrypted.getPlaintext()))
                .isEqualTo("hello keyport".getBytes(StandardCharsets.UTF_8));

        byte[] different = new byte[32];
        RANDOM.nextBytes(different);
        assertCode(() -> importMaterial(kms, keyId, algorithm, different), "InvalidParameterValue.MaterialNotMatch");
    }
}
