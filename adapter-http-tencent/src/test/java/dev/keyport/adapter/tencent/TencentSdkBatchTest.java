package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.assertCode;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeysRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EnableKeys and DisableKeys through the official Tencent Cloud Java SDK: all or nothing. */
class TencentSdkBatchTest {

    @RegisterExtension
    static final TencentSdkServer SDK = new TencentSdkServer();

    private static String createKey() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(TencentServer.alias("batch"));
        return SDK.kms().CreateKey(create).getKeyId();
    }

    private static void disable(String... ids) throws Exception {
        DisableKeysRequest request = new DisableKeysRequest();
        request.setKeyIds(ids);
        assertThat(SDK.kms().DisableKeys(request).getRequestId()).isNotEmpty();
    }

    private static void enable(String... ids) throws Exception {
        EnableKeysRequest request = new EnableKeysRequest();
        request.setKeyIds(ids);
        assertThat(SDK.kms().EnableKeys(request).getRequestId()).isNotEmpty();
    }

    @Test
    void keysAreDisabledAndEnabledTogether() throws Exception {
        String a = createKey();
        String b = createKey();
        disable(a, b);
        assertThat(describe(SDK.kms(), a).getKeyState()).isEqualTo("Disabled");
        assertThat(describe(SDK.kms(), b).getKeyState()).isEqualTo("Disabled");
        enable(a, b);
        assertThat(describe(SDK.kms(), a).getKeyState()).isEqualTo("Enabled");
        assertThat(describe(SDK.kms(), b).getKeyState()).isEqualTo("Enabled");
    }

    @Test
    void oneKeyThatCannotChangeChangesNoneAndMalformedListsAreRefused() throws Exception {
        String a = createKey();
        String alreadyDisabled = createKey();
        disable(alreadyDisabled);
        assertCode(() -> disable(a, alreadyDisabled), "ResourceUnavailable.CmkStateNotSupport");
        assertThat(describe(SDK.kms(), a).getKeyState()).isEqualTo("Enabled");
        assertCode(() -> disable(a, UUID.randomUUID().toString()), "ResourceUnavailable.CmkNotFound");
        assertThat(describe(SDK.kms(), a).getKeyState()).isEqualTo("Enabled");
        assertCode(() -> disable(a, a), "InvalidParameterValue.DuplicatedKeyId");
        assertCode(() -> disable(), "InvalidParameter");
        String[] tooMany = new String[101];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = UUID.randomUUID().toString();
        }
        assertCode(() -> enable(tooMany), "InvalidParameter");
    }
}
