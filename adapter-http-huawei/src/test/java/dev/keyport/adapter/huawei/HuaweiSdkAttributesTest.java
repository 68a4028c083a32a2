package dev.keyport.adapter.huawei;

import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.assertError;
import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DeleteKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.ScheduleKeyDeletionRequestBody;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyAliasRequest;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyAliasRequestBody;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyAliasResponse;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyDescriptionRequest;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyDescriptionRequestBody;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyDescriptionResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** update-key-alias and update-key-description through the official Huawei Cloud Java SDK v3. */
class HuaweiSdkAttributesTest {

    @RegisterExtension
    static final HuaweiSdkServer SDK = new HuaweiSdkServer();

    private static String createKey(String alias) {
        return SDK.kms().createKey(new CreateKeyRequest().withBody(new CreateKeyRequestBody().withKeyAlias(alias)
                .withKeyDescription("first"))).getKeyInfo().getKeyId();
    }

    private static UpdateKeyAliasResponse updateAlias(String keyId, String alias) {
        return SDK.kms().updateKeyAlias(new UpdateKeyAliasRequest().withBody(new UpdateKeyAliasRequestBody()
                .withKeyId(keyId).withKeyAlias(alias)));
    }

    private static UpdateKeyDescriptionResponse updateDescription(String keyId, String description) {
        return SDK.kms().updateKeyDescription(new UpdateKeyDescriptionRequest().withBody(
                new UpdateKeyDescriptionRequestBody().withKeyId(keyId).withKeyDescription(description)));
    }

    @Test
    void aliasAndDescriptionChangeAndAreAnsweredAndDescribed() {
        String keyId = createKey(HuaweiServer.alias("before"));
        String renamed = HuaweiServer.alias("after");
        UpdateKeyAliasResponse aliased = updateAlias(keyId, renamed);
        assertThat(aliased.getKeyInfo().getKeyId()).isEqualTo(keyId);
        assertThat(aliased.getKeyInfo().getKeyAlias()).isEqualTo(renamed);
        UpdateKeyDescriptionResponse described = updateDescription(keyId, "second");
        assertThat(described.getKeyInfo().getKeyId()).isEqualTo(keyId);
        assertThat(described.getKeyInfo().getKeyDescription()).isEqualTo("second");
        assertThat(describe(SDK.kms(), keyId).getKeyAlias()).isEqualTo(renamed);
        assertThat(describe(SDK.kms(), keyId).getKeyDescription()).isEqualTo("second");
    }

    @Test
    void aTakenOrMalformedAliasATooLongDescriptionAndPendingDeletionAreRefused() {
        String taken = HuaweiServer.alias("taken");
        createKey(taken);
        String keyId = createKey(HuaweiServer.alias("mine"));
        assertError(() -> updateAlias(keyId, taken), 400, "KMS.1104");
        assertError(() -> updateAlias(keyId, "bad alias!"), 400, "KMS.1101");
        assertError(() -> updateDescription(keyId, "d".repeat(256)), 400, "KMS.1103");
        assertError(() -> updateAlias(UUID.randomUUID().toString(), HuaweiServer.alias("x")), 404, "KMS.0207");
        SDK.kms().deleteKey(new DeleteKeyRequest().withBody(new ScheduleKeyDeletionRequestBody().withKeyId(keyId)
                .withPendingDays("7")));
        assertError(() -> updateAlias(keyId, HuaweiServer.alias("late")), 400, "KMS.0210");
        assertError(() -> updateDescription(keyId, "late"), 400, "KMS.0210");
    }
}
