package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.assertCode;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.createExternalKey;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.describe;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.importMaterial;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.importRequest;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.parameters;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.wrap;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.BindCloudResourceRequest;
import com.tencentcloudapi.kms.v20190118.models.CancelKeyDeletionRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GetParametersForImportResponse;
import com.tencentcloudapi.kms.v20190118.models.ImportKeyMaterialRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.ScheduleKeyDeletionRequest;
import com.tencentcloudapi.kms.v20190118.models.Tag;
import com.tencentcloudapi.kms.v20190118.models.UnbindCloudResourceRequest;
import dev.keyport.domain.Region;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The other actions through the official SDK, and the choices made where Tencent documents no error. */
class TencentActionsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static TencentServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() throws Exception {
        server = new TencentServer(new FaultyRepository(), new TencentApiConfig(Region.of("ap-guangzhou"), 100, 300,
                Map.of("ListKeys", 2)));
        kms = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String alias() {
        return "a-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String generatedKey() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(alias());
        return kms.CreateKey(create).getKeyId();
    }

    @Test
    void createKeyAppliesTencentsAliasRulesAndUniqueness() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        String alias = alias();
        create.setAlias(alias);
        create.setDescription("导入外部密钥");
        CreateKeyResponse created = kms.CreateKey(create);
        assertThat(created.getKeyState()).isEqualTo("Enabled");
        assertThat(created.getKeyUsage()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(created.getDescription()).isEqualTo("导入外部密钥");
        assertThat(created.getCreateTime()).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(5L));
        assertThat(created.getTagCode()).isZero();
        assertCode(() -> kms.CreateKey(create), "InvalidParameterValue.AliasAlreadyExists");
        for (String bad : new String[] {"kms-reserved", "-dash-first", "has space", "x".repeat(61)}) {
            CreateKeyRequest invalid = new CreateKeyRequest();
            invalid.setAlias(bad);
            assertCode(() -> kms.CreateKey(invalid), "InvalidParameterValue.InvalidAlias");
        }
        CreateKeyRequest typed = new CreateKeyRequest();
        typed.setAlias(alias());
        typed.setType(3L);
        assertCode(() -> kms.CreateKey(typed), "InvalidParameterValue.InvalidType");
        CreateKeyRequest asymmetric = new CreateKeyRequest();
        asymmetric.setAlias(alias());
        asymmetric.setKeyUsage("ASYMMETRIC_DECRYPT_RSA_2048");
        assertCode(() -> kms.CreateKey(asymmetric), "UnsupportedOperation.UnsupportedKeyUsageInCurrentRegion");
        CreateKeyRequest tagged = new CreateKeyRequest();
        tagged.setAlias(alias());
        Tag tag = new Tag();
        tag.setTagKey("team");
        tag.setTagValue("crypto");
        tagged.setTags(new Tag[] {tag});
        CreateKeyResponse withTags = kms.CreateKey(tagged);
        assertThat(withTags.getTagCode()).as("tags are not kept, and the response says so").isEqualTo(2);
    }

    @Test
    void enableDisableScheduleAndCancel() throws Exception {
        String keyId = generatedKey();
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        EnableKeyRequest enable = new EnableKeyRequest();
        enable.setKeyId(keyId);
        ScheduleKeyDeletionRequest schedule = new ScheduleKeyDeletionRequest();
        schedule.setKeyId(keyId);
        schedule.setPendingWindowInDays(7L);
        CancelKeyDeletionRequest cancel = new CancelKeyDeletionRequest();
        cancel.setKeyId(keyId);

        assertCode(() -> kms.ScheduleKeyDeletion(schedule), "ResourceUnavailable.CmkShouldBeDisabled");
        assertCode(() -> kms.EnableKey(enable), "ResourceUnavailable.CmkStateNotSupport");
        kms.DisableKey(disable);
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Disabled");
        assertCode(() -> kms.DisableKey(disable), "ResourceUnavailable.CmkStateNotSupport");
        assertCode(() -> kms.CancelKeyDeletion(cancel), "ResourceUnavailable.CmkNotPendingDelete");
        schedule.setPendingWindowInDays(31L);
        assertCode(() -> kms.ScheduleKeyDeletion(schedule), "InvalidParameter.InvalidPendingWindowInDays");
        schedule.setPendingWindowInDays(7L);
        var scheduled = kms.ScheduleKeyDeletion(schedule);
        assertThat(scheduled.getKeyId()).isEqualTo(keyId);
        assertThat(scheduled.getDeletionDate()).isCloseTo(Instant.now().getEpochSecond() + 7 * 86_400,
                org.assertj.core.data.Offset.offset(5L));
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("PendingDelete");
        assertThat(describe(kms, keyId).getDeletionDate()).isEqualTo(scheduled.getDeletionDate());
        assertThat(kms.CancelKeyDeletion(cancel).getKeyId()).isEqualTo(keyId);
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Disabled");
        assertThat(describe(kms, keyId).getDeletionDate()).isZero();
        kms.EnableKey(enable);
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Enabled");
    }

    @Test
    void anExternalKeyNeverImportedIsScheduledAndCancelledBackToPendingImport() throws Exception {
        String keyId = createExternalKey(kms, alias());
        ScheduleKeyDeletionRequest schedule = new ScheduleKeyDeletionRequest();
        schedule.setKeyId(keyId);
        schedule.setPendingWindowInDays(30L);
        kms.ScheduleKeyDeletion(schedule);
        CancelKeyDeletionRequest cancel = new CancelKeyDeletionRequest();
        cancel.setKeyId(keyId);
        kms.CancelKeyDeletion(cancel);
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("PendingImport");
    }

    @Test
    void bindingBlocksDisableAndScheduleAndCancelsTheMaterialExpiry() throws Exception {
        String keyId = createExternalKey(kms, alias());
        GetParametersForImportResponse parameters = parameters(kms, keyId, "RSAES_OAEP_SHA_256");
        ImportKeyMaterialRequest importing = importRequest(keyId, parameters, "RSAES_OAEP_SHA_256",
                new byte[32]);
        long validTo = Instant.now().getEpochSecond() + 3600;
        importing.setValidTo(validTo);
        kms.ImportKeyMaterial(importing);
        assertThat(describe(kms, keyId).getValidTo()).isEqualTo(validTo);

        BindCloudResourceRequest bind = new BindCloudResourceRequest();
        bind.setKeyId(keyId);
        bind.setProductId("ssm");
        bind.setResourceId("secret-9");
        kms.BindCloudResource(bind);
        kms.BindCloudResource(bind);
        assertThat(describe(kms, keyId).getValidTo()).as("binding cancels the expiry").isZero();
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        assertCode(() -> kms.DisableKey(disable), "FailedOperation.CmkUsedByCloudProduct");

        UnbindCloudResourceRequest unbind = new UnbindCloudResourceRequest();
        unbind.setKeyId(keyId);
        unbind.setProductId("ssm");
        unbind.setResourceId("secret-9");
        kms.UnbindCloudResource(unbind);
        assertCode(() -> kms.UnbindCloudResource(unbind), "ResourceUnavailable.CloudResourceBindingNotFound");
        kms.DisableKey(disable);
    }

    @Test
    void listKeysListsEnabledDisabledAndPendingImportAndDescribeKeysRefusesDuplicates() throws Exception {
        String pendingDelete = generatedKey();
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(pendingDelete);
        kms.DisableKey(disable);
        ScheduleKeyDeletionRequest schedule = new ScheduleKeyDeletionRequest();
        schedule.setKeyId(pendingDelete);
        schedule.setPendingWindowInDays(7L);
        kms.ScheduleKeyDeletion(schedule);
        String pendingImport = createExternalKey(kms, alias());

        Thread.sleep(1100); // ListKeys is limited to 2 a second in this test's configuration
        ListKeysRequest list = new ListKeysRequest();
        list.setLimit(200L);
        var keys = kms.ListKeys(list);
        assertThat(keys.getKeys()).extracting(k -> k.getKeyId()).contains(pendingImport)
                .doesNotContain(pendingDelete);
        assertThat(keys.getTotalCount()).isEqualTo(keys.getKeys().length);

        ListKeyDetailRequest detail = new ListKeyDetailRequest();
        detail.setKeyState(3L);
        detail.setLimit(200L);
        assertThat(kms.ListKeyDetail(detail).getKeyMetadatas()).extracting(m -> m.getKeyId())
                .contains(pendingDelete).doesNotContain(pendingImport);
        ListKeyDetailRequest search = new ListKeyDetailRequest();
        search.setSearchKeyAlias(pendingImport.substring(0, 8));
        assertThat(kms.ListKeyDetail(search).getKeyMetadatas()).extracting(m -> m.getKeyId())
                .containsExactly(pendingImport);

        DescribeKeysRequest describeKeys = new DescribeKeysRequest();
        describeKeys.setKeyIds(new String[] {pendingImport, pendingImport});
        assertCode(() -> kms.DescribeKeys(describeKeys), "InvalidParameterValue.DuplicatedKeyId");
        describeKeys.setKeyIds(new String[] {pendingImport, UUID.randomUUID().toString()});
        assertCode(() -> kms.DescribeKeys(describeKeys), "ResourceUnavailable.CmkNotFound");
    }

    @Test
    void listKeysIsRateLimitedPerTenantAndAction() throws Exception {
        Thread.sleep(1100);
        ListKeysRequest list = new ListKeysRequest();
        kms.ListKeys(list);
        kms.ListKeys(list);
        assertCode(() -> kms.ListKeys(list), "RequestLimitExceeded");
        assertThat(describe(kms, generatedKey()).getKeyState()).as("other actions are not limited by it")
                .isEqualTo("Enabled");
        KmsClient otherTenant = server.client(TencentServer.OTHER_SECRET_ID, TencentServer.OTHER_SECRET_KEY,
                "ap-guangzhou", new com.tencentcloudapi.common.profile.ClientProfile());
        otherTenant.ListKeys(list);
        Thread.sleep(1100);
        kms.ListKeys(list);
    }

    // --------------------------------------------------------------------------------- undocumented, chosen cases

    @Test
    void encryptOnAKeyPendingImportIsCmkStateNotSupport() throws Exception {
        String keyId = createExternalKey(kms, alias());
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext(Base64.getEncoder().encodeToString("x".getBytes()));
        assertCode(() -> kms.Encrypt(encrypt), "ResourceUnavailable.CmkStateNotSupport");
    }

    @Test
    void encryptOnADisabledKeyIsCmkDisabled() throws Exception {
        String keyId = generatedKey();
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        kms.DisableKey(disable);
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext(Base64.getEncoder().encodeToString("x".getBytes()));
        assertCode(() -> kms.Encrypt(encrypt), "ResourceUnavailable.CmkDisabled");
        encrypt.setPlaintext("not base64!");
        assertCode(() -> kms.Encrypt(encrypt), "InvalidParameterValue.InvalidPlaintext");
    }

    @Test
    void aTokenOfAnotherKeyIsAnInvalidParameter() throws Exception {
        String keyId = createExternalKey(kms, alias());
        String other = createExternalKey(kms, alias());
        GetParametersForImportResponse othersParameters = parameters(kms, other, "RSAES_OAEP_SHA_256");
        ImportKeyMaterialRequest importing = importRequest(keyId, othersParameters, "RSAES_OAEP_SHA_256",
                new byte[32]);
        assertCode(() -> kms.ImportKeyMaterial(importing), "InvalidParameter");
        importing.setImportToken("bm90IGEgdG9rZW4=");
        assertCode(() -> kms.ImportKeyMaterial(importing), "InvalidParameter");
    }

    @Test
    void materialOfTheWrongLengthIsInvalidImportKeyMaterialAndSixteenBytesAreAccepted() throws Exception {
        String keyId = createExternalKey(kms, alias());
        byte[] wrongLength = new byte[24];
        RANDOM.nextBytes(wrongLength);
        assertCode(() -> importMaterial(kms, keyId, "RSAES_OAEP_SHA_256", wrongLength),
                "InvalidParameterValue.InvalidImportKeyMaterial");
        byte[] sixteen = new byte[16];
        RANDOM.nextBytes(sixteen);
        importMaterial(kms, keyId, "RSAES_OAEP_SHA_1", sixteen);
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Enabled");
    }

    @Test
    void undecryptableMaterialAndAPastValidToAreRefused() throws Exception {
        String keyId = createExternalKey(kms, alias());
        GetParametersForImportResponse parameters = parameters(kms, keyId, "RSAES_OAEP_SHA_256");
        ImportKeyMaterialRequest importing = new ImportKeyMaterialRequest();
        importing.setKeyId(keyId);
        importing.setImportToken(parameters.getImportToken());
        importing.setEncryptedKeyMaterial(Base64.getEncoder().encodeToString(new byte[256]));
        assertCode(() -> kms.ImportKeyMaterial(importing), "InvalidParameter.DecryptMaterialError");
        importing.setEncryptedKeyMaterial(wrap("RSAES_OAEP_SHA_256", parameters.getPublicKey(), new byte[32]));
        importing.setValidTo(Instant.now().getEpochSecond() - 10);
        assertCode(() -> kms.ImportKeyMaterial(importing), "InvalidParameterValue");
        importing.setValidTo(TencentParams.MAX_VALID_TO + 1);
        assertCode(() -> kms.ImportKeyMaterial(importing), "InvalidParameterValue");
        importing.setValidTo(0L);
        kms.ImportKeyMaterial(importing);
        assertThat(describe(kms, keyId).getValidTo()).isZero();
    }
}
