package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.assertCode;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.createExternalKey;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.importMaterial;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptResponse;
import com.tencentcloudapi.kms.v20190118.models.DeleteImportedKeyMaterialRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.GenerateRandomRequest;
import com.tencentcloudapi.kms.v20190118.models.ReEncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.ReEncryptResponse;
import com.tencentcloudapi.kms.v20190118.models.ScheduleKeyDeletionRequest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GenerateDataKey, GenerateRandom and ReEncrypt through the official Tencent Cloud Java SDK. */
class TencentSdkDataKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CONTEXT = "{\"bucket\":\"photos\"}";
    @RegisterExtension
    static final TencentSdkServer SDK = new TencentSdkServer();

    private static String createKey(KmsClient client, String alias) throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(alias);
        return client.CreateKey(create).getKeyId();
    }

    private static GenerateDataKeyResponse generate(String keyId, String keySpec, Long numberOfBytes, String context)
            throws Exception {
        GenerateDataKeyRequest request = new GenerateDataKeyRequest();
        request.setKeyId(keyId);
        request.setKeySpec(keySpec);
        request.setNumberOfBytes(numberOfBytes);
        request.setEncryptionContext(context);
        return SDK.kms().GenerateDataKey(request);
    }

    private static DecryptResponse decrypt(KmsClient client, String blob, String context) throws Exception {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(blob);
        request.setEncryptionContext(context);
        return client.Decrypt(request);
    }

    @Test
    void keySpecGivesSixteenOrThirtyTwoBytesNumberOfBytesWinsAndDecryptOpensTheBlobWithTheSameContext()
            throws Exception {
        String keyId = createKey(SDK.kms(), TencentServer.alias("dek"));
        GenerateDataKeyResponse aes128 = generate(keyId, "AES_128", null, CONTEXT);
        assertThat(aes128.getKeyId()).isEqualTo(keyId);
        assertThat(Base64.getDecoder().decode(aes128.getPlaintext())).hasSize(16);
        assertThat(Base64.getDecoder().decode(generate(keyId, "AES_256", null, null).getPlaintext())).hasSize(32);
        assertThat(Base64.getDecoder().decode(generate(keyId, "AES_256", 7L, null).getPlaintext())).hasSize(7);
        assertThat(Base64.getDecoder().decode(generate(keyId, null, 1024L, null).getPlaintext())).hasSize(1024);
        assertThat(Base64.getDecoder().decode(generate(keyId, null, 1L, null).getPlaintext())).hasSize(1);

        DecryptResponse opened = decrypt(SDK.kms(), aes128.getCiphertextBlob(), CONTEXT);
        assertThat(opened.getKeyId()).isEqualTo(keyId);
        assertThat(opened.getPlaintext()).isEqualTo(aes128.getPlaintext());
        assertCode(() -> decrypt(SDK.kms(), aes128.getCiphertextBlob(), "{\"bucket\":\"other\"}"),
                "FailedOperation.DecryptError");
        assertCode(() -> decrypt(SDK.kms(), aes128.getCiphertextBlob(), null), "FailedOperation.DecryptError");
    }

    @Test
    void lengthsAndUnsupportedOptionsAreRefusedWithTencentsCodes() throws Exception {
        String keyId = createKey(SDK.kms(), TencentServer.alias("dek"));
        assertCode(() -> generate(keyId, null, null, null), "InvalidParameter");
        assertCode(() -> generate(keyId, "AES_512", null, null), "InvalidParameterValue");
        assertCode(() -> generate(keyId, null, 0L, null), "InvalidParameterValue");
        assertCode(() -> generate(keyId, null, 1025L, null), "InvalidParameterValue");
        assertCode(() -> generate(keyId, "AES_256", null, "not json"), "InvalidParameter");
        assertCode(() -> generate("not-a-key-id", "AES_256", null, null), "InvalidParameterValue.InvalidKeyId");
        assertCode(() -> generate(UUID.randomUUID().toString(), "AES_256", null, null),
                "ResourceUnavailable.CmkNotFound");
        GenerateDataKeyRequest toPublicKey = new GenerateDataKeyRequest();
        toPublicKey.setKeyId(keyId);
        toPublicKey.setKeySpec("AES_256");
        toPublicKey.setEncryptionPublicKey("-----BEGIN PUBLIC KEY-----");
        assertCode(() -> SDK.kms().GenerateDataKey(toPublicKey), "UnsupportedOperation");

        GenerateRandomRequest random = new GenerateRandomRequest();
        for (long bytes : new long[] {0, 1025}) {
            random.setNumberOfBytes(bytes);
            assertCode(() -> SDK.kms().GenerateRandom(random), "InvalidParameterValue");
        }
    }

    @Test
    void aDisabledKeyOrOneScheduledForDeletionMakesNoDataKey() throws Exception {
        String keyId = createKey(SDK.kms(), TencentServer.alias("dek"));
        String blob = generate(keyId, "AES_256", null, null).getCiphertextBlob();
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        SDK.kms().DisableKey(disable);
        assertCode(() -> generate(keyId, "AES_256", null, null), "ResourceUnavailable.CmkDisabled");
        assertCode(() -> decrypt(SDK.kms(), blob, null), "ResourceUnavailable.CmkDisabled");
        ScheduleKeyDeletionRequest schedule = new ScheduleKeyDeletionRequest();
        schedule.setKeyId(keyId);
        schedule.setPendingWindowInDays(7L);
        SDK.kms().ScheduleKeyDeletion(schedule);
        assertCode(() -> generate(keyId, "AES_256", null, null), "ResourceUnavailable.CmkStateNotSupport");
    }

    @Test
    void anotherTenantOrRegionCannotOpenADataKey() throws Exception {
        String keyId = createKey(SDK.kms(), TencentServer.alias("dek"));
        String blob = generate(keyId, "AES_256", null, null).getCiphertextBlob();
        KmsClient stranger = SDK.server().client(TencentServer.OTHER_SECRET_ID, TencentServer.OTHER_SECRET_KEY,
                "ap-guangzhou", new ClientProfile());
        assertCode(() -> decrypt(stranger, blob, null), "ResourceUnavailable.CmkNotFound");
        KmsClient otherRegion = SDK.server().client(TencentServer.SECRET_ID, TencentServer.SECRET_KEY, "ap-shanghai",
                new ClientProfile());
        assertCode(() -> decrypt(otherRegion, blob, null), "ResourceUnavailable.CmkNotFound");
        assertThat(decrypt(SDK.kms(), blob, null).getKeyId()).isEqualTo(keyId);
    }

    @Test
    void generateRandomAnswersFreshBytesOfTheLengthAsked() throws Exception {
        GenerateRandomRequest request = new GenerateRandomRequest();
        request.setNumberOfBytes(48L);
        byte[] one = Base64.getDecoder().decode(SDK.kms().GenerateRandom(request).getPlaintext());
        byte[] two = Base64.getDecoder().decode(SDK.kms().GenerateRandom(request).getPlaintext());
        assertThat(one).hasSize(48).isNotEqualTo(two);
    }

    @Test
    void reEncryptMovesADataKeyToAnotherKeyAndWithoutADestinationKeepsItsKey() throws Exception {
        String from = createKey(SDK.kms(), TencentServer.alias("from"));
        String to = createKey(SDK.kms(), TencentServer.alias("to"));
        GenerateDataKeyResponse dataKey = generate(from, "AES_256", null, CONTEXT);

        ReEncryptRequest move = new ReEncryptRequest();
        move.setCiphertextBlob(dataKey.getCiphertextBlob());
        move.setSourceEncryptionContext(CONTEXT);
        move.setDestinationKeyId(to);
        move.setDestinationEncryptionContext("{\"moved\":\"yes\"}");
        ReEncryptResponse moved = SDK.kms().ReEncrypt(move);
        assertThat(moved.getKeyId()).isEqualTo(to);
        assertThat(moved.getSourceKeyId()).isEqualTo(from);
        assertThat(moved.getReEncrypted()).isTrue();
        DecryptResponse opened = decrypt(SDK.kms(), moved.getCiphertextBlob(), "{\"moved\":\"yes\"}");
        assertThat(opened.getKeyId()).isEqualTo(to);
        assertThat(opened.getPlaintext()).isEqualTo(dataKey.getPlaintext());

        ReEncryptRequest same = new ReEncryptRequest();
        same.setCiphertextBlob(dataKey.getCiphertextBlob());
        same.setSourceEncryptionContext(CONTEXT);
        same.setDestinationEncryptionContext(CONTEXT);
        ReEncryptResponse unchanged = SDK.kms().ReEncrypt(same);
        assertThat(unchanged.getReEncrypted()).isFalse();
        assertThat(unchanged.getKeyId()).isEqualTo(from);
        assertThat(unchanged.getCiphertextBlob()).isEqualTo(dataKey.getCiphertextBlob());

        ReEncryptRequest wrongContext = new ReEncryptRequest();
        wrongContext.setCiphertextBlob(dataKey.getCiphertextBlob());
        wrongContext.setDestinationKeyId(to);
        assertCode(() -> SDK.kms().ReEncrypt(wrongContext), "FailedOperation.DecryptError");

        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(from);
        encrypt.setPlaintext(Base64.getEncoder().encodeToString("row 7".getBytes()));
        ReEncryptRequest data = new ReEncryptRequest();
        data.setCiphertextBlob(SDK.kms().Encrypt(encrypt).getCiphertextBlob());
        data.setDestinationKeyId(to);
        assertThat(Base64.getDecoder().decode(decrypt(SDK.kms(), SDK.kms().ReEncrypt(data).getCiphertextBlob(), null)
                .getPlaintext())).isEqualTo("row 7".getBytes());
    }

    @Test
    void afterDeleteImportedKeyMaterialNoDataKeyOpensAndTheSameMaterialOpensEveryOneAgain() throws Exception {
        String keyId = createExternalKey(SDK.kms(), TencentServer.alias("byok-dek"));
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        importMaterial(SDK.kms(), keyId, "RSAES_OAEP_SHA_256", material);
        List<GenerateDataKeyResponse> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(generate(keyId, "AES_256", null, CONTEXT));
        }

        DeleteImportedKeyMaterialRequest delete = new DeleteImportedKeyMaterialRequest();
        delete.setKeyId(keyId);
        SDK.kms().DeleteImportedKeyMaterial(delete);
        for (GenerateDataKeyResponse dataKey : made) {
            assertCode(() -> decrypt(SDK.kms(), dataKey.getCiphertextBlob(), CONTEXT),
                    "ResourceUnavailable.CmkStateNotSupport");
        }
        assertCode(() -> generate(keyId, "AES_256", null, CONTEXT), "ResourceUnavailable.CmkStateNotSupport");
        byte[] other = new byte[32];
        RANDOM.nextBytes(other);
        assertCode(() -> importMaterial(SDK.kms(), keyId, "RSAES_OAEP_SHA_256", other),
                "InvalidParameterValue.MaterialNotMatch");

        importMaterial(SDK.kms(), keyId, "RSAES_OAEP_SHA_256", material);
        for (GenerateDataKeyResponse dataKey : made) {
            assertThat(decrypt(SDK.kms(), dataKey.getCiphertextBlob(), CONTEXT).getPlaintext())
                    .isEqualTo(dataKey.getPlaintext());
        }
    }
}
