package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The server as an operator runs it, driven by both official SDKs: the BYOK lifecycle through each vendor's API,
 * then a restart on the same store, after which every key, state and material is as it was.
 */
abstract class EndToEndContract {

    static final String SEEDED_KEY = "5eed0000-0000-4000-8000-000000000001";
    static final byte[] SEEDED_MATERIAL = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;
    private KeyportServer server;

    /** Where the store is: nothing for H2 in the data folder, a URL and a master key for PostgreSQL. */
    abstract Map<String, String> storeSettings();

    Map<String, String> environment() throws Exception {
        Path seed = directory.resolve("seed.json");
        Files.writeString(seed, """
                {"keys": [{"tenant": "dev", "region": "cn-north-4", "keyId": "%s", "alias": "seeded-byok",
                           "origin": "EXTERNAL", "state": "Enabled", "material": "%s"}]}
                """.formatted(SEEDED_KEY, Base64.getEncoder().encodeToString(SEEDED_MATERIAL)));
        Map<String, String> env = new HashMap<>(storeSettings());
        env.put("KEYPORT_DATA_DIR", directory.resolve("data").toString());
        env.put("KEYPORT_TENCENT_PORT", "0");
        env.put("KEYPORT_HUAWEI_PORT", "0");
        env.put("KEYPORT_OPS_PORT", "0");
        env.put("KEYPORT_SEED", seed.toString());
        env.put("KEYPORT_WRAPPING_KEY_STOCK", "2");
        return env;
    }

    KeyportServer start() throws Exception {
        server = KeyportServer.start(Settings.fromEnvironment(environment()));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void bothSdksRunTheLifecycleAndEverythingSurvivesARestart() throws Exception {
        KeyportServer first = start();
        assertThat(first.readyLine()).matches("keyport ready tencent=http://127\\.0\\.0\\.1:\\d+ "
                + "huawei=http://127\\.0\\.0\\.1:\\d+ ops=http://127\\.0\\.0\\.1:\\d+");
        VendorClients clients = new VendorClients(first);
        SecureRandom random = new SecureRandom();

        // Tencent: create, import, encrypt, delete, re-import
        byte[] tencentMaterial = new byte[32];
        random.nextBytes(tencentMaterial);
        String tencentKey = clients.tencentCreateExternal("e2e-tencent");
        clients.tencentImport(tencentKey, tencentMaterial);
        String tencentBlob = clients.tencentEncrypt(tencentKey, "through tencent");
        clients.tencentDeleteMaterial(tencentKey);
        assertThat(clients.tencentState(tencentKey)).isEqualTo("PendingImport");
        clients.tencentImport(tencentKey, tencentMaterial);

        // Huawei: create, import, encrypt, delete (left deleted, to survive the restart as PendingImport)
        byte[] huaweiMaterial = new byte[32];
        random.nextBytes(huaweiMaterial);
        String huaweiKey = clients.huaweiCreateExternal("e2e-huawei");
        clients.huaweiImport(huaweiKey, huaweiMaterial);
        String huaweiBlob = clients.huaweiEncrypt(huaweiKey, "through huawei");
        clients.huaweiDeleteMaterial(huaweiKey);
        assertThat(clients.huaweiState(huaweiKey)).isEqualTo("5");

        // the seeded key, with its known material, is Enabled and usable through both
        assertThat(clients.tencentState(SEEDED_KEY)).isEqualTo("Enabled");
        String seededBlob = clients.huaweiEncrypt(SEEDED_KEY, "seeded");

        assertThat(get(first.opsUrl() + "/healthz")).isEqualTo("200 ok\n");
        assertThat(get(first.opsUrl() + "/readyz")).isEqualTo("200 ready\n");
        String metrics = get(first.opsUrl() + "/metrics");
        assertThat(metrics).contains("keyport_requests_seconds_count{action=\"ImportKeyMaterial\",outcome=\"Success\","
                + "status=\"200\",vendor=\"tencent\"}").contains("vendor=\"huawei\"")
                .contains("keyport_keys{state=\"PendingImport\"}").contains("hikaricp_connections");

        first.stop(Duration.ofSeconds(5));
        server = null;
        KeyportServer second = start();
        VendorClients again = new VendorClients(second);

        assertThat(again.tencentState(tencentKey)).isEqualTo("Enabled");
        assertThat(again.tencentDecrypt(tencentBlob)).isEqualTo("through tencent");
        assertThat(again.huaweiState(huaweiKey)).isEqualTo("5");
        assertThatThrownBy(() -> again.huaweiDecrypt(huaweiBlob)).isInstanceOf(ServiceResponseException.class);
        byte[] different = new byte[32];
        random.nextBytes(different);
        assertThatThrownBy(() -> again.huaweiImport(huaweiKey, different))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("KMS.2606"));
        again.huaweiImport(huaweiKey, huaweiMaterial);
        assertThat(again.huaweiDecrypt(huaweiBlob)).isEqualTo("through huawei");
        assertThat(again.tencentDecrypt(seededBlob)).isEqualTo("seeded");

        // the seeded key keeps its state across restarts: the seed file does not reset it
        again.tencentDeleteMaterial(SEEDED_KEY);
        second.stop(Duration.ofSeconds(5));
        server = null;
        KeyportServer third = start();
        assertThat(new VendorClients(third).tencentState(SEEDED_KEY)).isEqualTo("PendingImport");
        assertThatThrownBy(() -> new VendorClients(third).tencentDecrypt(seededBlob))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("ResourceUnavailable.CmkStateNotSupport"));
    }

    /**
     * The BYOK consequence for envelope encryption, through both SDKs and across restarts: data keys made under
     * imported material do not open once it is deleted (Tencent) or has expired (Huawei), not after a restart either,
     * a different material is refused, and the same material opens every one of them again, to the same bytes.
     */
    @Test
    void dataKeysCloseWithTheirMaterialAndOpenAgainWithTheSameMaterialAcrossRestarts() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            dataKeysAcrossRestarts(logged);
        } finally {
            root.detachAppender(logged);
        }
    }

    private void dataKeysAcrossRestarts(ListAppender<ILoggingEvent> logged) throws Exception {
        KeyportServer first = start();
        VendorClients clients = new VendorClients(first);
        SecureRandom random = new SecureRandom();
        String context = "{\"table\":\"orders\"}";

        byte[] tencentMaterial = new byte[32];
        random.nextBytes(tencentMaterial);
        String tencentKey = clients.tencentCreateExternal("e2e-dek-tencent");
        clients.tencentImport(tencentKey, tencentMaterial);
        List<String[]> tencentKeys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tencentKeys.add(clients.tencentGenerateDataKey(tencentKey, context));
        }
        clients.tencentDeleteMaterial(tencentKey);

        byte[] huaweiMaterial = new byte[32];
        random.nextBytes(huaweiMaterial);
        String huaweiKey = clients.huaweiCreateExternal("e2e-dek-huawei");
        long expiresAt = Instant.now().getEpochSecond() + 3;
        clients.huaweiImport(huaweiKey, huaweiMaterial, expiresAt);
        List<String[]> huaweiKeys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            huaweiKeys.add(clients.huaweiCreateDatakey(huaweiKey, "tde"));
        }
        while (Instant.now().getEpochSecond() <= expiresAt) {
            Thread.sleep(200);
        }
        for (String[] dataKey : huaweiKeys) {
            assertThatThrownBy(() -> clients.huaweiDecryptDatakey(huaweiKey, dataKey[1], "tde"))
                    .isInstanceOfSatisfying(ServiceResponseException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo("KMS.0308"));
        }

        first.stop(Duration.ofSeconds(5));
        server = null;
        KeyportServer second = start();
        VendorClients again = new VendorClients(second);
        assertThat(again.tencentState(tencentKey)).isEqualTo("PendingImport");
        assertThat(again.huaweiState(huaweiKey)).isEqualTo("5");
        for (String[] dataKey : tencentKeys) {
            assertThatThrownBy(() -> again.tencentDecryptBase64(dataKey[1], context))
                    .isInstanceOfSatisfying(TencentCloudSDKException.class, e -> assertThat(e.getErrorCode())
                            .isEqualTo("ResourceUnavailable.CmkStateNotSupport"));
        }
        byte[] different = new byte[32];
        random.nextBytes(different);
        assertThatThrownBy(() -> again.tencentImport(tencentKey, different))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue.MaterialNotMatch"));
        assertThatThrownBy(() -> again.huaweiImport(huaweiKey, different))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("KMS.2606"));

        again.tencentImport(tencentKey, tencentMaterial);
        again.huaweiImport(huaweiKey, huaweiMaterial);
        for (String[] dataKey : tencentKeys) {
            assertThat(again.tencentDecryptBase64(dataKey[1], context)).isEqualTo(dataKey[0]);
        }
        for (String[] dataKey : huaweiKeys) {
            assertThat(again.huaweiDecryptDatakey(huaweiKey, dataKey[1], "tde")).isEqualToIgnoringCase(dataKey[0]);
        }

        // no data key reached a log line, in any encoding (the server logs every request at INFO)
        List<String> plaintexts = new ArrayList<>();
        for (String[] dataKey : tencentKeys) {
            byte[] bytes = Base64.getDecoder().decode(dataKey[0]);
            plaintexts.addAll(List.of(dataKey[0], HexFormat.of().formatHex(bytes),
                    HexFormat.of().withUpperCase().formatHex(bytes)));
        }
        huaweiKeys.forEach(dataKey -> plaintexts.addAll(List.of(dataKey[0].toLowerCase(), dataKey[0].toUpperCase(),
                Base64.getEncoder().encodeToString(HexFormat.of().parseHex(dataKey[0])))));
        List<ILoggingEvent> events;
        synchronized (logged.list) {
            events = List.copyOf(logged.list);
        }
        assertThat(events).as("the server logged its requests").isNotEmpty();
        for (ILoggingEvent event : events) {
            String line = event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage());
            assertThat(plaintexts).noneMatch(line::contains);
        }
    }

    static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
