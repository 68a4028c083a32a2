package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportResponse;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DeleteImportedKeyMaterialRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.GetParametersForImportRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ImportKeyMaterialRequest;
import com.huaweicloud.sdk.kms.v2.model.ImportKeyMaterialRequestBody;
import com.huaweicloud.sdk.kms.v2.model.KeyDetails;
import com.huaweicloud.sdk.kms.v2.model.ListKeyDetailRequest;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
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
import org.junit.jupiter.api.Test;

/** The whole BYOK lifecycle through the official Huawei Cloud Java SDK v3, unchanged but for its endpoint. */
class HuaweiSdkLifecycleTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static HuaweiServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() throws Exception {
        server = new HuaweiServer();
        kms = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** RSAES-OAEP with SHA-256 and MGF1-SHA256, as Huawei's own tools wrap, with the JDK only. */
    static String wrap(String publicKeyBase64, byte[] material) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        return Base64.getEncoder().encodeToString(cipher.doFinal(material));
    }

    static String createExternalKey(KmsClient kms) {
        return kms.createKey(new CreateKeyRequest().withBody(new CreateKeyRequestBody()
                .withKeyAlias("byok-" + UUID.randomUUID().toString().substring(0, 8))
                .withKeySpec(CreateKeyRequestBody.KeySpecEnum.AES_256)
                .withOrigin(CreateKeyRequestBody.OriginEnum.EXTERNAL)
                .withSequence(UUID.randomUUID().toString()))).getKeyInfo().getKeyId();
    }

    static CreateParametersForImportResponse parameters(KmsClient kms, String keyId, String algorithm) {
        return kms.createParametersForImport(new CreateParametersForImportRequest().withBody(
                new GetParametersForImportRequestBody().withKeyId(keyId)
                        .withWrappingAlgorithm(GetParametersForImportRequestBody.WrappingAlgorithmEnum
                                .fromValue(algorithm))));
    }

    static void importMaterial(KmsClient kms, String keyId, byte[] material, Long expiry) throws Exception {
        CreateParametersForImportResponse parameters = parameters(kms, keyId, "RSAES_OAEP_SHA_256");
        kms.importKeyMaterial(new ImportKeyMaterialRequest().withBody(new ImportKeyMaterialRequestBody()
                .withKeyId(keyId).withImportToken(parameters.getImportToken())
                .withEncryptedKeyMaterial(wrap(parameters.getPublicKey(), material))
                .withExpirationTime(expiry)));
    }

    static KeyDetails describe(KmsClient kms, String keyId) {
        return kms.listKeyDetail(new ListKeyDetailRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId)))
                .getKeyInfo();
    }

    static void assertError(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ServiceResponseException.class, e -> {
            assertThat(e.getHttpStatusCode()).as(e.getErrorMsg()).isEqualTo(status);
            assertThat(e.getErrorCode()).as(e.getErrorMsg()).isEqualTo(code);
            assertThat(e.getRequestId()).isNotEmpty();
        });
    }

    @Test
    void theByokLifecycleRunsThroughTheOfficialSdk() throws Exception {
        String keyId = createExternalKey(kms);
        KeyDetails created = describe(kms, keyId);
        assertThat(created.getKeyState()).isEqualTo("5");
        assertThat(created.getOrigin().getValue()).isEqualTo("external");

        CreateParametersForImportResponse parameters = parameters(kms, keyId, "RSAES_OAEP_SHA_256");
        assertThat(parameters.getImportToken()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(parameters.getExpirationTime()).isBetween(Instant.now().getEpochSecond() + 86_300,
                Instant.now().getEpochSecond() + 86_500);
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        kms.importKeyMaterial(new ImportKeyMaterialRequest().withBody(new ImportKeyMaterialRequestBody()
                .withKeyId(keyId).withImportToken(parameters.getImportToken())
                .withEncryptedKeyMaterial(wrap(parameters.getPublicKey(), material))));
        KeyDetails enabled = describe(kms, keyId);
        assertThat(enabled.getKeyState()).isEqualTo("2");
        assertThat(enabled.getExpirationTime()).isEmpty();

        String cipherText = kms.encryptData(new EncryptDataRequest().withBody(new EncryptDataRequestBody()
                .withKeyId(keyId).withPlainText("hello huawei").withAdditionalAuthenticatedData("aad")))
                .getCipherText();

        kms.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialRequest()
                .withBody(new OperateKeyRequestBody().withKeyId(keyId)));
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("5");
        DecryptDataRequest decrypt = new DecryptDataRequest().withBody(new DecryptDataRequestBody()
                .withCipherText(cipherText).withAdditionalAuthenticatedData("aad"));
        assertError(() -> kms.decryptData(decrypt), 400, "KMS.0308");

        byte[] different = new byte[32];
        RANDOM.nextBytes(different);
        assertError(() -> importMaterial(kms, keyId, different, null), 400, "KMS.2606");
        importMaterial(kms, keyId, material, null);
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("2");
        var decrypted = kms.decryptData(decrypt);
        assertThat(decrypted.getKeyId()).isEqualTo(keyId);
        assertThat(decrypted.getPlainText()).isEqualTo("hello huawei");
        assertError(() -> importMaterial(kms, keyId, material, null), 400, "KMS.0310");
    }

    @Test
    void materialWithAnExpiryShowsItInMillisecondsAndExpires() throws Exception {
        String keyId = createExternalKey(kms);
        long expiry = Instant.now().getEpochSecond() + 3600;
        importMaterial(kms, keyId, new byte[32], expiry);
        assertThat(describe(kms, keyId).getExpirationTime()).isEqualTo(Long.toString(expiry * 1000));
    }
}
