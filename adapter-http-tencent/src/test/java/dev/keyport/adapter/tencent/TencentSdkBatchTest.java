package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.assertCode;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeysRequest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EnableKeys and DisableKeys through the official Tencent Cloud Java SDK: all or nothing. */
class TencentSdkBatchTest {

    private static TencentServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() throws Exception {
        server = new TencentServer();
        kms = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String createKey() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(TencentServer.alias("batch"));
        return kms.CreateKey(create).getKeyId();
    }

    private static void disable(String... ids) throws Exception {
        DisableKeysRequest request = new DisableKeysRequest();
        request.setKeyIds(ids);
        assertThat(kms.DisableKeys(request).getRequestId()).isNotEmpty();
    }

    private static void enable(String... ids) throws Exception {
        EnableKeysRequest request = new EnableKeysRequest();
        request.setKeyIds(ids);
        assertThat(kms.EnableKeys(request).getRequestId()).isNotEmpty();
    }

    @Test
    void keysAreDisabledAndEnabledTogether() throws Exception {
        String a = createKey();
        String b = createKey();
        disable(a, b);
        assertThat(describe(kms, a).getKeyState()).isEqualTo("Disabled");
        assertThat(describe(kms, b).getKeyState()).isEqualTo("Disabled");
        enable(a, b);
        assertThat(describe(kms, a).getKeyState()).isEqualTo("Enabled");
        assertThat(describe(kms, b).getKeyState()).isEqualTo("Enabled");
    }

    @Test
    void oneKeyThatCannotChangeChangesNoneAndMalformedListsAreRefused() throws Exception {
        String a = createKey();
        String alreadyDisabled = createKey();
        disable(alreadyDisabled);
        assertCode(() -> disable(a, alreadyDisabled), "ResourceUnavailable.CmkStateNotSupport");
        assertThat(describe(kms, a).getKeyState()).isEqualTo("Enabled");
        assertCode(() -> disable(a, UUID.randomUUID().toString()), "ResourceUnavailable.CmkNotFound");
        assertThat(describe(kms, a).getKeyState()).isEqualTo("Enabled");
        assertCode(() -> disable(a, a), "InvalidParameterValue.DuplicatedKeyId");
        assertCode(() -> disable(), "InvalidParameter");
        String[] tooMany = new String[101];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = UUID.randomUUID().toString();
        }
        assertCode(() -> enable(tooMany), "InvalidParameter");
    }
}
