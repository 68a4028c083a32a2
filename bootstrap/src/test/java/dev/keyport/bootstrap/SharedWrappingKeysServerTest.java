package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportResponse;
import com.huaweicloud.sdk.kms.v2.model.GetParametersForImportRequestBody;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.models.GetParametersForImportRequest;
import com.tencentcloudapi.kms.v20190118.models.GetParametersForImportResponse;
import com.tencentcloudapi.kms.v20190118.models.ImportKeyMaterialRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's compatibility note on wrapping keys, through both official SDKs against the server: the keys of one
 * tenant and region get tokens under one public key (also across the two APIs), each token imports into its own key
 * only, another region gets another public key, and {@code KEYPORT_WRAPPING_KEY_TOKENS=1} gives every token its own.
 */
class SharedWrappingKeysServerTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path directory;
    private KeyportServer server;

    private KeyportServer start(String... settings) {
        server = Main.start(TestEnvironment.of(directory, settings), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private static GetParametersForImportResponse tencentParameters(VendorClients clients, String keyId)
            throws TencentCloudSDKException {
        GetParametersForImportRequest get = new GetParametersForImportRequest();
        get.setKeyId(keyId);
        get.setWrappingAlgorithm("RSAES_OAEP_SHA_256");
        get.setWrappingKeySpec("RSA_2048");
        return clients.tencent.GetParametersForImport(get);
    }

    private static void tencentImport(VendorClients clients, String keyId, GetParametersForImportResponse parameters,
                                      String wrapped) throws TencentCloudSDKException {
        ImportKeyMaterialRequest importing = new ImportKeyMaterialRequest();
        importing.setKeyId(keyId);
        importing.setImportToken(parameters.getImportToken());
        importing.setEncryptedKeyMaterial(wrapped);
        clients.tencent.ImportKeyMaterial(importing);
    }

    private static byte[] material() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return material;
    }

    @Test
    void theKeysOfOneTenantAndRegionShareAPublicKeyAndEachTokenImportsIntoItsOwnKeyOnly() throws Exception {
        VendorClients clients = new VendorClients(start());
        String a = clients.tencentCreateExternal("shared-a");
        String b = clients.tencentCreateExternal("shared-b");
        long before = Instant.now().getEpochSecond();
        GetParametersForImportResponse forA = tencentParameters(clients, a);
        GetParametersForImportResponse forB = tencentParameters(clients, b);

        assertThat(forB.getPublicKey()).isEqualTo(forA.getPublicKey());
        assertThat(forB.getImportToken()).isNotEqualTo(forA.getImportToken());
        assertThat(forB.getParametersValidTo()).as("each token is valid 24 hours from its own issue")
                .isBetween(before + 86_400, Instant.now().getEpochSecond() + 86_400);

        byte[] materialA = material();
        String wrappedForA = VendorClients.wrapOaepSha256(forA.getPublicKey(), materialA);
        assertThatThrownBy(() -> tencentImport(clients, b, forA, wrappedForA))
                .isInstanceOfSatisfying(TencentCloudSDKException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.getMessage()).contains("issued for another CMK");
                });
        assertThat(clients.tencentState(b)).isEqualTo("PendingImport");
        tencentImport(clients, a, forA, wrappedForA);
        tencentImport(clients, b, forB, VendorClients.wrapOaepSha256(forB.getPublicKey(), material()));
        assertThat(clients.tencentState(a)).isEqualTo("Enabled");
        assertThat(clients.tencentState(b)).isEqualTo("Enabled");

        // the same tenant and region through Huawei's API (project = cn-north-4): the same public key
        String h = clients.huaweiCreateExternal("shared-h");
        CreateParametersForImportResponse forH = clients.huawei.createParametersForImport(
                new CreateParametersForImportRequest().withBody(new GetParametersForImportRequestBody().withKeyId(h)
                        .withWrappingAlgorithm(GetParametersForImportRequestBody.WrappingAlgorithmEnum
                                .RSAES_OAEP_SHA_256)));
        assertThat(forH.getPublicKey()).isEqualTo(forA.getPublicKey());
        assertThatThrownBy(() -> clients.huawei.importKeyMaterial(new com.huaweicloud.sdk.kms.v2.model.ImportKeyMaterialRequest()
                .withBody(new com.huaweicloud.sdk.kms.v2.model.ImportKeyMaterialRequestBody().withKeyId(h).withImportToken(forA.getImportToken())
                        .withEncryptedKeyMaterial(wrappedForA))))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("KMS.2603"));

        // another region of the same tenant: another public key
        VendorClients elsewhere = new VendorClients(server, "ap-guangzhou");
        String c = elsewhere.tencentCreateExternal("shared-c");
        assertThat(tencentParameters(elsewhere, c).getPublicKey()).isNotEqualTo(forA.getPublicKey());
    }

    @Test
    void oneTokenPerWrappingKeyWhenTheServerIsToldSo() throws Exception {
        VendorClients clients = new VendorClients(start("KEYPORT_WRAPPING_KEY_TOKENS", "1"));
        String a = clients.tencentCreateExternal("own-a");
        String b = clients.tencentCreateExternal("own-b");

        GetParametersForImportResponse first = tencentParameters(clients, a);
        GetParametersForImportResponse second = tencentParameters(clients, a);
        GetParametersForImportResponse forB = tencentParameters(clients, b);
        assertThat(List.of(first.getPublicKey(), second.getPublicKey(), forB.getPublicKey()))
                .doesNotHaveDuplicates();
        tencentImport(clients, a, second, VendorClients.wrapOaepSha256(second.getPublicKey(), material()));
        assertThat(clients.tencentState(a)).isEqualTo("Enabled");
    }
}
