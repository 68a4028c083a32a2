package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.assertCode;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DeleteImportedKeyMaterialRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.ScheduleKeyDeletionRequest;
import com.tencentcloudapi.kms.v20190118.models.UpdateAliasRequest;
import com.tencentcloudapi.kms.v20190118.models.UpdateKeyDescriptionRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** UpdateAlias and UpdateKeyDescription through the official Tencent Cloud Java SDK. */
class TencentSdkAttributesTest {

    @RegisterExtension
    static final TencentSdkServer SDK = new TencentSdkServer();

    private static String createKey(String alias) throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(alias);
        create.setDescription("first");
        return SDK.kms().CreateKey(create).getKeyId();
    }

    private static void updateAlias(String keyId, String alias) throws Exception {
        UpdateAliasRequest update = new UpdateAliasRequest();
        update.setKeyId(keyId);
        update.setAlias(alias);
        assertThat(SDK.kms().UpdateAlias(update).getRequestId()).isNotEmpty();
    }

    private static void updateDescription(String keyId, String description) throws Exception {
        UpdateKeyDescriptionRequest update = new UpdateKeyDescriptionRequest();
        update.setKeyId(keyId);
        update.setDescription(description);
        assertThat(SDK.kms().UpdateKeyDescription(update).getRequestId()).isNotEmpty();
    }

    @Test
    void aliasAndDescriptionChangeAndShowInDescribeKey() throws Exception {
        String keyId = createKey(TencentServer.alias("before"));
        String renamed = TencentServer.alias("after");
        updateAlias(keyId, renamed);
        updateDescription(keyId, "second");
        assertThat(describe(SDK.kms(), keyId).getAlias()).isEqualTo(renamed);
        assertThat(describe(SDK.kms(), keyId).getDescription()).isEqualTo("second");
        updateAlias(keyId, renamed); // the same alias again changes nothing and is no error
        assertThat(describe(SDK.kms(), keyId).getKeyState()).isEqualTo("Enabled");
    }

    @Test
    void anAliasTakenInTheScopeOrMalformedIsRefusedAndPendingDeletionRefusesBoth() throws Exception {
        String taken = TencentServer.alias("taken");
        createKey(taken);
        String keyId = createKey(TencentServer.alias("mine"));
        assertCode(() -> updateAlias(keyId, taken), "InvalidParameterValue.AliasAlreadyExists");
        assertCode(() -> updateAlias(keyId, "bad alias!"), "InvalidParameterValue.InvalidAlias");
        assertCode(() -> updateAlias(keyId, ""), "MissingParameter");
        assertCode(() -> updateAlias(UUID.randomUUID().toString(), TencentServer.alias("x")), "ResourceUnavailable.CmkNotFound");

        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        SDK.kms().DisableKey(disable);
        updateDescription(keyId, "a disabled key can be described");
        ScheduleKeyDeletionRequest schedule = new ScheduleKeyDeletionRequest();
        schedule.setKeyId(keyId);
        schedule.setPendingWindowInDays(7L);
        SDK.kms().ScheduleKeyDeletion(schedule);
        assertCode(() -> updateAlias(keyId, TencentServer.alias("late")), "ResourceUnavailable.CmkStateNotSupport");
        assertCode(() -> updateDescription(keyId, "late"), "ResourceUnavailable.CmkStateNotSupport");
    }

    @Test
    void theAliasAndDescriptionSurviveDeleteImportedKeyMaterialAndReimport() throws Exception {
        String keyId = TencentSdkLifecycleTest.enabledExternalKey(SDK.kms(), TencentServer.alias("byok"));
        String renamed = TencentServer.alias("byok-renamed");
        updateAlias(keyId, renamed);
        updateDescription(keyId, "kept");
        DeleteImportedKeyMaterialRequest delete = new DeleteImportedKeyMaterialRequest();
        delete.setKeyId(keyId);
        SDK.kms().DeleteImportedKeyMaterial(delete);
        assertThat(describe(SDK.kms(), keyId).getAlias()).isEqualTo(renamed);
        updateDescription(keyId, "a key pending import can be described");
        TencentSdkLifecycleTest.importMaterial(SDK.kms(), keyId, "RSAES_OAEP_SHA_256", new byte[32]);
        assertThat(describe(SDK.kms(), keyId).getAlias()).isEqualTo(renamed);
        assertThat(describe(SDK.kms(), keyId).getDescription()).isEqualTo("a key pending import can be described");
    }
}
