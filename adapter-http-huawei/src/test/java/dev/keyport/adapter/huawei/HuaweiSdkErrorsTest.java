package dev.keyport.adapter.huawei;

import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.assertError;
import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.createExternalKey;
import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.describe;
import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.importMaterial;
import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.parameters;
import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.wrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CancelKeyDeletionRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportResponse;
import com.huaweicloud.sdk.kms.v2.model.DeleteImportedKeyMaterialRequest;
import com.huaweicloud.sdk.kms.v2.model.DeleteKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.DisableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.EnableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ImportKeyMaterialRequest;
import com.huaweicloud.sdk.kms.v2.model.ImportKeyMaterialRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequest;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequestBody;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ScheduleKeyDeletionRequestBody;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error listed for delete-imported-key-material and import-key-material, through the official SDK. */
class HuaweiSdkErrorsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final FaultyRepository keys = new FaultyRepository();
    private static HuaweiServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() throws Exception {
        server = new HuaweiServer(keys, HuaweiApiConfig.defaults());
        kms = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static DeleteImportedKeyMaterialRequest delete(String keyId) {
        return new DeleteImportedKeyMaterialRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId));
    }

    private static String generatedKey() {
        return kms.createKey(new CreateKeyRequest().withBody(new CreateKeyRequestBody()
                .withKeyAlias("kms-" + UUID.randomUUID().toString().substring(0, 8)))).getKeyInfo().getKeyId();
    }

    private static String enabledExternalKey() throws Exception {
        String keyId = createExternalKey(kms);
        importMaterial(kms, keyId, new byte[32], null);
        return keyId;
    }

    // ------------------------------------------------------------------------------ delete-imported-key-material

    @Test
    void deleteOnAKeyWithGeneratedMaterialNeedsAnExternalKey() {
        assertError(() -> kms.deleteImportedKeyMaterial(delete(generatedKey())), 400, "KMS.0309");
    }

    @Test
    void deleteOutsideEnabledOrDisabledIsKms2701() throws Exception {
        assertError(() -> kms.deleteImportedKeyMaterial(delete(createExternalKey(kms))), 400, "KMS.2701");
        String pendingDeletion = enabledExternalKey();
        kms.deleteKey(new DeleteKeyRequest().withBody(new ScheduleKeyDeletionRequestBody().withKeyId(pendingDeletion)
                .withPendingDays("7")));
        assertError(() -> kms.deleteImportedKeyMaterial(delete(pendingDeletion)), 400, "KMS.2701");
        String disabled = enabledExternalKey();
        kms.disableKey(new DisableKeyRequest().withBody(new OperateKeyRequestBody().withKeyId(disabled)));
        kms.deleteImportedKeyMaterial(delete(disabled));
        assertThat(describe(kms, disabled).getKeyState()).isEqualTo("5");
    }

    @Test
    void deleteOfAnUnknownKeyOrOneOfAnotherProjectOrTenantIsKms0207() throws Exception {
        assertError(() -> kms.deleteImportedKeyMaterial(delete(UUID.randomUUID().toString())), 404, "KMS.0207");
        String keyId = enabledExternalKey();
        KmsClient otherProject = server.client(HuaweiServer.AK, HuaweiServer.SK, HuaweiServer.SECOND_PROJECT);
        assertError(() -> otherProject.deleteImportedKeyMaterial(delete(keyId)), 404, "KMS.0207");
        KmsClient otherTenant = server.client(HuaweiServer.OTHER_AK, HuaweiServer.OTHER_SK,
                HuaweiServer.OTHER_PROJECT);
        assertError(() -> otherTenant.deleteImportedKeyMaterial(delete(keyId)), 404, "KMS.0207");
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("2");
    }

    @Test
    void deleteWithAMalformedKeyIdIsKms0205() {
        assertError(() -> kms.deleteImportedKeyMaterial(delete("not-a-key-id")), 400, "KMS.0205");
        assertError(() -> kms.deleteImportedKeyMaterial(delete("0D0466B0-E727-4D9C-B35D-F84BB474A37F")), 400,
                "KMS.0205");
    }

    @Test
    void aSequenceThatIsNot36CharactersIsKms0206() throws Exception {
        String keyId = enabledExternalKey();
        assertError(() -> kms.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialRequest().withBody(
                new OperateKeyRequestBody().withKeyId(keyId).withSequence("short"))), 400, "KMS.0206");
        kms.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialRequest().withBody(
                new OperateKeyRequestBody().withKeyId(keyId).withSequence("919c82d4-8046-4722-9094-35c3c6524cff")));
    }

    @Test
    void aFaultInsideKeyportIsA500WithoutAStackTrace() throws Exception {
        String keyId = enabledExternalKey();
        keys.broken = true;
        try {
            assertThatThrownBy(() -> kms.deleteImportedKeyMaterial(delete(keyId)))
                    .isInstanceOfSatisfying(ServiceResponseException.class, e -> {
                        assertThat(e.getHttpStatusCode()).isEqualTo(500);
                        assertThat(e.getErrorCode()).isEqualTo("KMS.0101");
                        assertThat(e.getErrorMsg()).doesNotContain("disk").doesNotContain("Exception");
                    });
        } finally {
            keys.broken = false;
        }
    }

    @Test
    void aStoreThatCannotBeReachedIsHuaweisTransientErrorWithOneWarningAndNoStackTrace() throws Exception {
        String keyId = enabledExternalKey();
        keys.unavailable = true;
        try (LogCapture log = new LogCapture()) {
            assertThatThrownBy(() -> kms.deleteImportedKeyMaterial(delete(keyId)))
                    .isInstanceOfSatisfying(ServiceResponseException.class, e -> {
                        assertThat(e.getHttpStatusCode()).isEqualTo(503);
                        assertThat(e.getErrorCode()).isEqualTo("KMS.0104");
                        assertThat(e.getErrorMsg()).contains("Retry").doesNotContain("database");
                        assertThat(e.getRequestId()).isNotEmpty();
                    });
            assertThat(log.events()).hasSize(1);
            assertThat(log.events().get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(log.events().get(0).getThrowableProxy()).isNull();
            assertThat(log.events().get(0).getFormattedMessage()).contains("key store is unavailable")
                    .doesNotContain("\n");
        } finally {
            keys.unavailable = false;
        }
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("2");
    }

    // ------------------------------------------------------------------------------ import-key-material

    private static ImportKeyMaterialRequestBody importBody(String keyId, CreateParametersForImportResponse p,
                                                           byte[] material) throws Exception {
        return new ImportKeyMaterialRequestBody().withKeyId(keyId).withImportToken(p.getImportToken())
                .withEncryptedKeyMaterial(wrap(p.getPublicKey(), material));
    }

    @Test
    void materialThatIsNot32BytesIsKms2604() throws Exception {
        String keyId = createExternalKey(kms);
        for (int length : new int[] {16, 31, 33}) {
            byte[] material = new byte[length];
            RANDOM.nextBytes(material);
            CreateParametersForImportResponse p = parameters(kms, keyId, "RSAES_OAEP_SHA_256");
            assertError(() -> kms.importKeyMaterial(new ImportKeyMaterialRequest().withBody(
                    importBody(keyId, p, material))), 400, "KMS.2604");
        }
    }

    @Test
    void anExpiryThatIsNotInTheFutureIsKms2602AndAStringExpiryIsAccepted() throws Exception {
        String keyId = createExternalKey(kms);
        CreateParametersForImportResponse p = parameters(kms, keyId, "RSAES_OAEP_SHA_256");
        assertError(() -> kms.importKeyMaterial(new ImportKeyMaterialRequest().withBody(
                importBody(keyId, p, new byte[32]).withExpirationTime(Instant.now().getEpochSecond() - 1))),
                400, "KMS.2602");
        long future = Instant.now().getEpochSecond() + 7200;
        var response = HuaweiProtocolTest.signedPost(server, "import-key-material", "{\"key_id\":\"" + keyId
                + "\",\"import_token\":\"" + p.getImportToken() + "\",\"encrypted_key_material\":\""
                + wrap(p.getPublicKey(), new byte[32]) + "\",\"expiration_time\":\"" + future + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(describe(kms, keyId).getExpirationTime()).isEqualTo(Long.toString(future * 1000));
    }

    /** 9223372036854775807 was a 500 KMS.0101 (Instant.ofEpochSecond overflowed). */
    @Test
    void anExpiryOutsideTheEpochToTheYear9999IsAParameterError() throws Exception {
        String keyId = createExternalKey(kms);
        CreateParametersForImportResponse p = parameters(kms, keyId, "RSAES_OAEP_SHA_256");
        String common = "{\"key_id\":\"" + keyId + "\",\"import_token\":\"" + p.getImportToken()
                + "\",\"encrypted_key_material\":\"" + wrap(p.getPublicKey(), new byte[32]) + "\",\"expiration_time\":";
        for (String expiry : new String[] {"9223372036854775807", "\"9223372036854775807\"", "253402300800"}) {
            var response = HuaweiProtocolTest.signedPost(server, "import-key-material", common + expiry + "}");
            assertThat(response.statusCode()).as(expiry + " " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("KMS.0308").contains("expiration_time");
        }
        for (String expiry : new String[] {"-9223372036854775808", "0", "-1"}) {
            var response = HuaweiProtocolTest.signedPost(server, "import-key-material", common + expiry + "}");
            assertThat(response.statusCode()).as(expiry + " " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("KMS.2602");
        }
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("5");
        var farthest = HuaweiProtocolTest.signedPost(server, "import-key-material", common + "253402300799}");
        assertThat(farthest.statusCode()).as(farthest.body()).isEqualTo(200);
        assertThat(describe(kms, keyId).getExpirationTime()).isEqualTo("253402300799000");
    }

    @Test
    void tokenErrorsAreKms2601Kms2603AndKms2605() throws Exception {
        String keyId = createExternalKey(kms);
        String other = createExternalKey(kms);
        CreateParametersForImportResponse others = parameters(kms, other, "RSAES_OAEP_SHA_256");
        assertError(() -> kms.importKeyMaterial(new ImportKeyMaterialRequest().withBody(
                importBody(other, others, new byte[32]).withKeyId(keyId))), 400, "KMS.2603");
        CreateParametersForImportResponse p = parameters(kms, keyId, "RSAES_OAEP_SHA_256");
        String forged = p.getImportToken().substring(0, p.getImportToken().length() - 8) + "AAAAAAA=";
        assertError(() -> kms.importKeyMaterial(new ImportKeyMaterialRequest().withBody(
                importBody(keyId, p, new byte[32]).withImportToken(forged))), 400, "KMS.2605");
        assertError(() -> kms.importKeyMaterial(new ImportKeyMaterialRequest().withBody(
                importBody(keyId, p, new byte[32]).withImportToken("short"))), 400, "KMS.2605");
        // an expired token: issued more than 24 hours ago, by the token's own account of itself
        byte[] token = java.util.Base64.getDecoder().decode(p.getImportToken());
        java.nio.ByteBuffer.wrap(token).putLong(3 + 36 + 16, Instant.now().minusSeconds(1).toEpochMilli());
        String stale = java.util.Base64.getEncoder().encodeToString(token);
        assertError(() -> kms.importKeyMaterial(new ImportKeyMaterialRequest().withBody(
                importBody(keyId, p, new byte[32]).withImportToken(stale))), 400, "KMS.2601");
    }

    @Test
    void materialThatDoesNotDecryptIsKms0311() throws Exception {
        String keyId = createExternalKey(kms);
        CreateParametersForImportResponse p = parameters(kms, keyId, "RSAES_OAEP_SHA_256");
        assertError(() -> kms.importKeyMaterial(new ImportKeyMaterialRequest().withBody(
                importBody(keyId, p, new byte[32]).withEncryptedKeyMaterial(
                        java.util.Base64.getEncoder().encodeToString(new byte[256])))), 400, "KMS.0311");
    }

    @Test
    void differentMaterialAfterADeleteIsKms2606() throws Exception {
        String keyId = enabledExternalKey();
        kms.deleteImportedKeyMaterial(delete(keyId));
        byte[] different = new byte[32];
        RANDOM.nextBytes(different);
        assertError(() -> importMaterial(kms, keyId, different, null), 400, "KMS.2606");
    }

    @Test
    void importIntoAGeneratedKeyIsKms0309AndIntoAnEnabledKeyKms0310() throws Exception {
        String generated = generatedKey();
        assertError(() -> parameters(kms, generated, "RSAES_OAEP_SHA_256"), 400, "KMS.0309");
        String enabled = enabledExternalKey();
        assertError(() -> importMaterial(kms, enabled, new byte[32], null), 400, "KMS.0310");
    }

    // ------------------------------------------------------------------------------ the other operations

    @Test
    void enableDisableScheduleCancelAndTheirErrors() throws Exception {
        String keyId = generatedKey();
        OperateKeyRequestBody body = new OperateKeyRequestBody().withKeyId(keyId);
        assertError(() -> kms.enableKey(new EnableKeyRequest().withBody(body)), 400, "KMS.1201");
        assertThat(kms.disableKey(new DisableKeyRequest().withBody(body)).getKeyInfo().getKeyState()).isEqualTo("3");
        assertError(() -> kms.disableKey(new DisableKeyRequest().withBody(body)), 400, "KMS.1301");
        assertError(() -> kms.cancelKeyDeletion(new CancelKeyDeletionRequest().withBody(body)), 400, "KMS.1501");
        assertError(() -> kms.deleteKey(new DeleteKeyRequest().withBody(new ScheduleKeyDeletionRequestBody()
                .withKeyId(keyId).withPendingDays("1097"))), 400, "KMS.1401");
        assertError(() -> kms.deleteKey(new DeleteKeyRequest().withBody(new ScheduleKeyDeletionRequestBody()
                .withKeyId(keyId).withPendingDays("seven"))), 400, "KMS.1401");
        var scheduled = kms.deleteKey(new DeleteKeyRequest().withBody(new ScheduleKeyDeletionRequestBody()
                .withKeyId(keyId).withPendingDays("1096")));
        assertThat(scheduled.getKeyState()).isEqualTo("4");
        assertThat(Long.parseLong(describe(kms, keyId).getScheduledDeletionDate()))
                .isCloseTo((Instant.now().getEpochSecond() + 1096L * 86_400) * 1000,
                        org.assertj.core.data.Offset.offset(10_000L));
        assertError(() -> kms.deleteKey(new DeleteKeyRequest().withBody(new ScheduleKeyDeletionRequestBody()
                .withKeyId(keyId).withPendingDays("7"))), 400, "KMS.1402");
        assertError(() -> kms.encryptData(new EncryptDataRequest().withBody(new EncryptDataRequestBody()
                .withKeyId(keyId).withPlainText("x"))), 400, "KMS.0210");
        assertThat(kms.cancelKeyDeletion(new CancelKeyDeletionRequest().withBody(body)).getKeyState()).isEqualTo("3");
        assertError(() -> kms.encryptData(new EncryptDataRequest().withBody(new EncryptDataRequestBody()
                .withKeyId(keyId).withPlainText("x"))), 400, "KMS.0209");
        assertThat(kms.enableKey(new EnableKeyRequest().withBody(body)).getKeyInfo().getKeyState()).isEqualTo("2");
    }

    @Test
    void listKeysPagesWithLimitAndMarker() {
        for (int i = 0; i < 3; i++) {
            generatedKey();
        }
        KmsClient second = server.client(HuaweiServer.AK, HuaweiServer.SK, HuaweiServer.SECOND_PROJECT);
        for (int i = 0; i < 3; i++) {
            second.createKey(new CreateKeyRequest().withBody(new CreateKeyRequestBody()
                    .withKeyAlias("page-" + i)));
        }
        var first = second.listKeys(new ListKeysRequest().withBody(new ListKeysRequestBody().withLimit("2")));
        assertThat(first.getKeys()).hasSize(2);
        assertThat(first.getKeyDetails()).hasSize(2);
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getTruncated().getValue()).isEqualTo("true");
        var rest = second.listKeys(new ListKeysRequest().withBody(new ListKeysRequestBody().withLimit("2")
                .withMarker(first.getNextMarker())));
        assertThat(rest.getKeys()).hasSize(1).doesNotContainAnyElementsOf(first.getKeys());
        assertThat(rest.getTruncated().getValue()).isEqualTo("false");
        assertThat(rest.getNextMarker()).isEmpty();
        assertThat(second.listKeys(new ListKeysRequest().withBody(new ListKeysRequestBody()
                .withKeySpec(ListKeysRequestBody.KeySpecEnum.RSA_2048))).getTotal()).isZero();
        assertError(() -> second.listKeys(new ListKeysRequest().withBody(new ListKeysRequestBody().withLimit("0"))),
                400, "KMS.1601");
        assertError(() -> second.listKeys(new ListKeysRequest().withBody(new ListKeysRequestBody().withMarker("-1"))),
                400, "KMS.1602");
    }

    @Test
    void encryptOnAKeyPendingImportIsKms0308() {
        String keyId = createExternalKey(kms);
        assertError(() -> kms.encryptData(new EncryptDataRequest().withBody(new EncryptDataRequestBody()
                .withKeyId(keyId).withPlainText("x"))), 400, "KMS.0308");
    }

    @Test
    void aDuplicateOrInvalidAliasIsKms1104OrKms1101() {
        String alias = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        kms.createKey(new CreateKeyRequest().withBody(new CreateKeyRequestBody().withKeyAlias(alias)));
        assertError(() -> kms.createKey(new CreateKeyRequest().withBody(new CreateKeyRequestBody()
                .withKeyAlias(alias))), 400, "KMS.1104");
        assertError(() -> kms.createKey(new CreateKeyRequest().withBody(new CreateKeyRequestBody()
                .withKeyAlias("bad alias!"))), 400, "KMS.1101");
        assertError(() -> kms.createKey(new CreateKeyRequest().withBody(new CreateKeyRequestBody()
                .withKeyAlias("obs/default"))), 400, "KMS.1101");
    }
}
