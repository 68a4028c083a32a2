package dev.keyport.bootstrap.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyport.bootstrap.KeyportServer;
import dev.keyport.bootstrap.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tencent's official Node SDK ({@code tencentcloud-sdk-nodejs}, pinned in {@code src/test/node/tencent}) against the
 * real server on a port that is not 80: the SDK signs {@code host:<hostname>} without the port and sends the port in
 * {@code Host}. The script drives the BYOK lifecycle and DeleteImportedKeyMaterial's documented errors and prints
 * its results as JSON, asserted here.
 *
 * <p>Needs {@code node} and {@code npm} on the PATH ({@code npm ci} runs here, from the npm registry or npm's cache):
 * without them the test fails, so that CI's {@code mvn -B verify} always runs it. On a machine without Node.js,
 * {@code -Dkeyport.skipNode=true} skips it instead.
 */
class NodeSdkIT {

    private static final Path PROJECT = Path.of("src", "test", "node", "tencent").toAbsolutePath();
    private static final String SECRET_ID = "AKIDkeyportnodesdk01";
    private static final String SECRET_KEY = "keyport-node-sdk-secret";

    @TempDir
    Path directory;
    private KeyportServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private record Run(int exit, String out) {
    }

    private static Run run(Map<String, String> env, Duration timeout, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = Files.createTempFile("keyport-node", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** node and npm, or the test fails (or is skipped, when keyport.skipNode is true). */
    private static void requireNodeAndNpm() throws InterruptedException {
        for (String tool : List.of("node", "npm")) {
            String problem;
            try {
                Run version = run(Map.of(), Duration.ofMinutes(1), tool, "--version");
                problem = version.exit() == 0 ? null : tool + " --version exited " + version.exit();
            } catch (IOException e) {
                problem = tool + " is not on the PATH (" + e.getMessage() + ")";
            }
            if (problem != null) {
                String message = "Tencent's Node SDK test needs Node.js and npm: " + problem;
                if (Boolean.getBoolean("keyport.skipNode")) {
                    Assumptions.abort(message + "; skipped (-Dkeyport.skipNode=true)");
                }
                throw new AssertionError(message + " (install them, or pass -Dkeyport.skipNode=true to skip this test)");
            }
        }
    }

    @Test
    void tencentsNodeSdkDrivesTheLifecycleAndDeleteImportedKeyMaterialsErrorsOnANon80Port() throws Exception {
        requireNodeAndNpm();
        Run install = run(Map.of(), Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline");
        assertThat(install.exit()).as("npm ci:\n" + install.out()).isZero();

        Path credentials = directory.resolve("credentials.json");
        Files.writeString(credentials, """
                {"tenants": [{"id": "node", "tencent": [{"secretId": "%s", "secretKey": "%s",
                               "appId": 1250000000, "uin": 100000000001}]}]}
                """.formatted(SECRET_ID, SECRET_KEY));
        Map<String, String> env = new HashMap<>();
        env.put("KEYPORT_DATA_DIR", directory.resolve("data").toString());
        env.put("KEYPORT_TENCENT_PORT", "0");
        env.put("KEYPORT_HUAWEI_PORT", "0");
        env.put("KEYPORT_OPS_PORT", "0");
        env.put("KEYPORT_CREDENTIALS", credentials.toString());
        env.put("KEYPORT_WRAPPING_KEY_STOCK", "2");
        server = KeyportServer.start(Settings.fromEnvironment(env));
        assertThat(server.tencentPort()).isNotEqualTo(80);

        Run script = run(Map.of("KEYPORT_TENCENT_ENDPOINT", "127.0.0.1:" + server.tencentPort(),
                "KEYPORT_SECRET_ID", SECRET_ID, "KEYPORT_SECRET_KEY", SECRET_KEY, "KEYPORT_REGION", "ap-guangzhou"),
                Duration.ofMinutes(3), "node", "lifecycle.js");
        String last = script.out().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(script.exit()).as(script.out()).isZero();
        JsonNode result = new ObjectMapper().readTree(last);

        JsonNode steps = result.path("steps");
        assertThat(steps.path("created").asText()).isEqualTo("PendingImport");
        assertThat(steps.path("imported").asText()).isEqualTo("Enabled");
        assertThat(steps.path("roundTrip").asBoolean()).as(last).isTrue();
        assertThat(steps.path("decryptedKeyId").asBoolean()).as(last).isTrue();
        assertThat(steps.path("afterDelete").asText()).isEqualTo("PendingImport");
        assertThat(steps.path("decryptAfterDelete").asText()).isEqualTo("ResourceUnavailable.CmkStateNotSupport");
        assertThat(steps.path("otherMaterial").asText()).isEqualTo("InvalidParameterValue.MaterialNotMatch");
        assertThat(steps.path("reimported").asText()).isEqualTo("Enabled");
        assertThat(steps.path("roundTripAfterReimport").asBoolean()).as(last).isTrue();

        JsonNode errors = result.path("errors");
        assertThat(errors.path("missingKeyId").asText()).isEqualTo("MissingParameter");
        assertThat(errors.path("malformedKeyId").asText()).isEqualTo("InvalidParameterValue.InvalidKeyId");
        assertThat(errors.path("unknownKey").asText()).isEqualTo("ResourceUnavailable.CmkNotFound");
        assertThat(errors.path("notExternal").asText()).isEqualTo("UnsupportedOperation.NotExternalCmk");
        assertThat(errors.path("pendingImport").asText()).isEqualTo("ResourceUnavailable.CmkStateNotSupport");
        assertThat(errors.path("bound").asText()).isEqualTo("FailedOperation.CmkUsedByCloudProduct");
        assertThat(errors.path("pendingDelete").asText()).isEqualTo("ResourceUnavailable.CmkStateNotSupport");
    }
}
