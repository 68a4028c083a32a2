package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KEYPORT_TLS_CERT and KEYPORT_TLS_KEY: both APIs and the ops listener over HTTPS, both official SDKs verifying it. */
class TlsIT {

    @TempDir
    Path directory;
    private TestCertificate certificate;
    private KeyportServer server;

    @BeforeEach
    void certificate() throws Exception {
        certificate = TestCertificate.create(directory);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private Map<String, String> env() {
        return TestEnvironment.of(directory, "KEYPORT_TLS_CERT", certificate.certificatePem().toString(),
                "KEYPORT_TLS_KEY", certificate.privateKeyPem().toString());
    }

    @Test
    void bothSdksRunDeleteImportedKeyMaterialOverHttps() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server = Main.start(env(), new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream()));
        assertThat(out.toString().strip()).matches("keyport ready tencent=https://127\\.0\\.0\\.1:\\d+ "
                + "huawei=https://127\\.0\\.0\\.1:\\d+ ops=https://127\\.0\\.0\\.1:\\d+");

        HttpProfile http = new HttpProfile();
        http.setEndpoint(URI.create(server.tencentUrl()).getAuthority());
        http.setProtocol("https://");
        http.setSslSocketFactory(certificate.sslContext().getSocketFactory());
        http.setX509TrustManager(certificate.trustManager());
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        var tencent = new com.tencentcloudapi.kms.v20190118.KmsClient(new Credential(
                CredentialsFile.DEV_TENCENT_SECRET_ID, CredentialsFile.DEV_TENCENT_SECRET_KEY), "cn-north-4", profile);
        var huawei = com.huaweicloud.sdk.kms.v2.KmsClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(CredentialsFile.DEV_HUAWEI_AK)
                        .withSk(CredentialsFile.DEV_HUAWEI_SK).withProjectId(CredentialsFile.DEV_PROJECT))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig()
                        .withSSLSocketFactory(certificate.sslContext().getSocketFactory())
                        .withX509TrustManager(certificate.trustManager()))
                .withEndpoints(List.of(server.huaweiUrl())).build();

        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        var create = new com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest();
        create.setAlias("over-tls");
        create.setType(2L);
        String keyId = tencent.CreateKey(create).getKeyId();
        var get = new com.tencentcloudapi.kms.v20190118.models.GetParametersForImportRequest();
        get.setKeyId(keyId);
        get.setWrappingAlgorithm("RSAES_OAEP_SHA_256");
        get.setWrappingKeySpec("RSA_2048");
        var parameters = tencent.GetParametersForImport(get);
        var importing = new com.tencentcloudapi.kms.v20190118.models.ImportKeyMaterialRequest();
        importing.setKeyId(keyId);
        importing.setImportToken(parameters.getImportToken());
        importing.setEncryptedKeyMaterial(VendorClients.wrapOaepSha256(parameters.getPublicKey(), material));
        tencent.ImportKeyMaterial(importing);

        // the same key, through Huawei's SDK over TLS: encrypt, delete the material, the key waits for it
        String blob = huawei.encryptData(new com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest().withBody(
                new com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody().withKeyId(keyId)
                        .withPlainText("over tls"))).getCipherText();
        huawei.deleteImportedKeyMaterial(new com.huaweicloud.sdk.kms.v2.model.DeleteImportedKeyMaterialRequest()
                .withBody(new com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody().withKeyId(keyId)));
        var describe = new com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest();
        describe.setKeyId(keyId);
        assertThat(tencent.DescribeKey(describe).getKeyMetadata().getKeyState()).isEqualTo("PendingImport");
        assertThat(blob).isNotEmpty();

        HttpClient client = HttpClient.newBuilder().sslContext(certificate.sslContext()).build();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(server.opsUrl() + "/healthz"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                server.opsUrl().replace("https:", "http:") + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString())).as("plain HTTP is not served").isInstanceOf(Exception.class);

        Map<String, String> probe = new java.util.HashMap<>(env());
        probe.put("KEYPORT_OPS_PORT", String.valueOf(server.opsPort()));
        assertThat(CommandLineTest.run(probe, "healthcheck").exit()).as("healthcheck over HTTPS").isZero();
    }

    @Test
    void aCertificateWithoutItsKeyOrAKeyThatIsNotPemIsABadSetting() throws Exception {
        Map<String, String> onlyCert = TestEnvironment.of(directory, "KEYPORT_TLS_CERT",
                certificate.certificatePem().toString());
        assertThatThrownBy(() -> Settings.fromEnvironment(onlyCert)).isInstanceOfSatisfying(BadSettingException.class,
                e -> assertThat(e.setting()).isEqualTo("KEYPORT_TLS_KEY"));
        Path garbage = Files.writeString(directory.resolve("garbage.key"), Base64.getEncoder()
                .encodeToString(new byte[64]));
        Map<String, String> badKey = TestEnvironment.of(directory, "KEYPORT_TLS_CERT",
                certificate.certificatePem().toString(), "KEYPORT_TLS_KEY", garbage.toString());
        assertThatThrownBy(() -> Main.start(badKey, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()))).isInstanceOfSatisfying(BadSettingException.class,
                e -> assertThat(e.setting()).isEqualTo("KEYPORT_TLS_CERT"));
    }
}
