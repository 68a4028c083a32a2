package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyport --help | --version | healthcheck | gen-master-key}, as an operator or a container runs them. */
class CommandLineTest {

    @TempDir
    Path directory;

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        Run help = run(Map.of(), "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: keyport").contains("serve").contains("healthcheck")
                .contains("gen-master-key").contains("rotate-master-key").contains("--version");
        assertThat(run(Map.of(), "rotate-master-key", "--help").out()).contains("--new-key-file");
    }

    @Test
    void versionIsTheBuildsVersion() {
        Run version = run(Map.of(), "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out().strip()).isEqualTo("keyport " + Version.current());
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        Run unknown = run(Map.of(), "frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate");
        assertThat(run(Map.of(), "--no-such-option").exit()).isEqualTo(2);
    }

    @Test
    void genMasterKeyPrintsAFreshBase64KeyOf32Bytes() {
        Run first = run(Map.of(), "gen-master-key");
        Run second = run(Map.of(), "gen-master-key");
        assertThat(first.exit()).isZero();
        assertThat(Base64.getDecoder().decode(first.out().strip())).hasSize(32);
        assertThat(first.out()).isNotEqualTo(second.out());
    }

    @Test
    void healthcheckIsZeroWhileTheOpsListenerAnswersAndOneWhenItDoesNot() {
        Map<String, String> env = TestEnvironment.of(directory);
        KeyportServer server = Main.start(env, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        int opsPort = server.opsPort();
        Map<String, String> probe = TestEnvironment.of(directory, "KEYPORT_OPS_PORT", String.valueOf(opsPort));
        try {
            Run healthy = run(probe, "healthcheck");
            assertThat(healthy.exit()).isZero();
            assertThat(healthy.out()).contains("healthy");
        } finally {
            server.stop(Duration.ofSeconds(5));
        }
        Run down = run(probe, "healthcheck", "--timeout-seconds", "2");
        assertThat(down.exit()).isEqualTo(1);
        assertThat(down.err()).contains("unhealthy");
    }

    @Test
    void healthcheckOfAWildcardBindAsksLoopback() {
        Map<String, String> env = TestEnvironment.of(directory, "KEYPORT_BIND", "0.0.0.0");
        Path credentials = directory.resolve("credentials.json");
        try {
            java.nio.file.Files.writeString(credentials, """
                    {"tenants": [{"id": "acme",
                      "tencent": [{"secretId": "AKIDacme", "secretKey": "acme-secret"}]}]}""");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        env.put("KEYPORT_CREDENTIALS", credentials.toString());
        KeyportServer server = Main.start(env, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        try {
            env.put("KEYPORT_OPS_PORT", String.valueOf(server.opsPort()));
            assertThat(run(env, "healthcheck").exit()).isZero();
        } finally {
            server.stop(Duration.ofSeconds(5));
        }
    }
}
