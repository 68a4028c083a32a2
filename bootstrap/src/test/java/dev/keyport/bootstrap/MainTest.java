package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the operator sees: exactly one ready line, or one line that names the bad setting. */
class MainTest {

    @TempDir
    Path directory;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("KEYPORT_DATA_DIR", directory.resolve("data").toString(),
                "KEYPORT_TENCENT_PORT", "0", "KEYPORT_HUAWEI_PORT", "0", "KEYPORT_OPS_PORT", "0"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void aStartPrintsExactlyOneReadyLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        KeyportServer server = Main.start(env(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement().satisfies(line -> assertThat(line)
                    .isEqualTo(server.readyLine())
                    .isEqualTo("keyport ready tencent=http://127.0.0.1:" + server.tencentPort() + " huawei=http://"
                            + "127.0.0.1:" + server.huaweiPort() + " ops=http://127.0.0.1:" + server.opsPort()));
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        } finally {
            server.stop(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "KEYPORT_TENCENT_PORT, 70000",
            "KEYPORT_HUAWEI_PORT, nine",
            "KEYPORT_OPS_PORT, -1",
            "KEYPORT_BIND, no.such.host.invalid",
            "KEYPORT_DB_URL, jdbc:mysql://localhost/keyport",
            "KEYPORT_MASTER_KEY, c2hvcnQ=",
            "KEYPORT_CREDENTIALS, /no/such/file.json",
            "KEYPORT_SEED, /no/such/seed.json",
            "KEYPORT_SWEEP_SECONDS, 0",
            "KEYPORT_TENCENT_DEFAULT_REGION, Not A Region",
            "KEYPORT_TENCENT_RATE, 0",
            "KEYPORT_WRAPPING_KEY_TOKENS, 0",
            "KEYPORT_WRAPPING_KEY_WINDOW_SECONDS, 3601",
            "KEYPORT_HUAWEI_RATE, lots",
            "KEYPORT_H2_FSYNC, yes",
            "KEYPORT_AUDIT_RETENTION_DAYS, -1"})
    void aBadSettingStopsTheStartWithOneLineThatNamesIt(String setting, String value) {
        assertOneLine(env(setting, value), setting);
    }

    @Test
    void theDevelopmentCredentialsAreRefusedOffLoopback() {
        assertOneLine(env("KEYPORT_BIND", "0.0.0.0"), "KEYPORT_CREDENTIALS");
    }

    @Test
    void aBrokenCredentialsOrSeedFileIsNamed() throws Exception {
        Path credentials = Files.writeString(directory.resolve("credentials.json"), "{\"tenants\": [{\"id\": ");
        assertOneLine(env("KEYPORT_CREDENTIALS", credentials.toString()), "KEYPORT_CREDENTIALS");
        Path seed = Files.writeString(directory.resolve("seed.json"), """
                {"keys": [{"tenant": "dev", "region": "cn-north-4", "keyId": "5eed0000-0000-4000-8000-000000000009",
                           "alias": "s", "origin": "EXTERNAL", "state": "Enabled"}]}""");
        assertOneLine(env("KEYPORT_SEED", seed.toString()), "KEYPORT_SEED");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"tenants\": [{\"id\": \"acme\", \"huawei\": [{\"accessKey\": \"AK1\", \"secretKey\": \"s\"}]}]}"
                    + " | tenant 'acme': huawei[0].projects is missing",
            "{\"tenants\": [{\"id\": \"acme\", \"tencent\": [{\"secretKey\": \"s\"}]}]}"
                    + " | tenant 'acme': tencent[0].secretId is missing",
            "{\"tenants\": [{\"id\": \"acme\", \"tencent\": [{\"secretId\": \"AKID1\"}]}]}"
                    + " | tenant 'acme': tencent[0].secretKey is missing",
            "{\"tenants\": [{\"tencent\": [{\"secretId\": \"AKID1\", \"secretKey\": \"s\"}]}]}"
                    + " | tenants[0].id is missing",
            "{\"tenants\": [{\"id\": \"acme\"}]}"
                    + " | tenant 'acme': has neither tencent nor huawei credentials",
            "{\"tenants\": [{\"id\": \"acme\", \"huawei\": [{\"accessKey\": \"AK1\", \"secretKey\": \"s\","
                    + " \"projects\": {\"p1\": \"Not A Region\"}}]}]}"
                    + " | tenant 'acme': huawei[0].projects['p1']: 'Not A Region' is not a region name",
            "{\"tenants\": [{\"id\": \"acme\", \"tencent\": [{\"secretId\": \"AKID1\", \"secretKey\": \"s\"},"
                    + " {\"secretId\": \"AKID1\", \"secretKey\": \"t\"}]}]}"
                    + " | tenant 'acme': tencent[1]: ",
            "{\"tenants\": []} | tenants is missing or empty"})
    void aCredentialsFileMistakeIsOneLineNamingTheTenantAndTheField(String contents, String problem)
            throws Exception {
        Path credentials = Files.writeString(directory.resolve("credentials.json"), contents);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Main.start(env("KEYPORT_CREDENTIALS", credentials.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isInstanceOf(BadSettingException.class);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("keyport: KEYPORT_CREDENTIALS: " + problem.strip())
                .doesNotContain("NullPointerException").doesNotContain("\tat "));
    }

    @Test
    void aWrongMasterKeyForAnExistingDatabaseIsNamed() {
        Main.start(env(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()))
                .stop(Duration.ofSeconds(5));
        assertOneLine(env("KEYPORT_MASTER_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="), "KEYPORT_MASTER_KEY");
    }

    @Test
    void aCredentialsFileReplacesTheDevelopmentTenant() throws Exception {
        Path credentials = Files.writeString(directory.resolve("credentials.json"), """
                {"tenants": [{"id": "acme",
                  "tencent": [{"secretId": "AKIDacme", "secretKey": "acme-secret", "appId": 1, "uin": 2}],
                  "huawei": [{"accessKey": "ACMEAK", "secretKey": "acme-sk", "domainId": "d",
                              "projects": {"p1": "cn-north-4"}}]}]}""");
        KeyportServer server = Main.start(env("KEYPORT_CREDENTIALS", credentials.toString(), "KEYPORT_BIND",
                "127.0.0.1"), new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        server.stop(Duration.ofSeconds(5));
    }

    private static void assertOneLine(Map<String, String> env, String setting) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Main.start(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isInstanceOf(BadSettingException.class);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("keyport: " + setting + ": ").doesNotContain("\tat "));
    }
}
