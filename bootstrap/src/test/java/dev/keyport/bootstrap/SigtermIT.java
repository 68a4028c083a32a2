package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The real main in a child JVM: one ready line on standard output, SIGTERM at once after it ends the process with
 * exit code 0 every time, and the operator's log lines — as JSON objects when asked.
 */
class SigtermIT {

    @TempDir
    Path directory;

    private Process start(Map<String, String> env, Path stderr) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Starts the child, reads its ready line, sends SIGTERM at once, and returns the exit code. */
    private int readyThenSigterm(Map<String, String> env, Path stderr) throws Exception {
        Process process = start(env, stderr);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertThat(ready).startsWith("keyport ready tencent=http://127.0.0.1:");
            assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue(); // leaves our pipes open
            assertThat(out.readLine()).as("nothing else on standard output").isNull();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void sigtermTheMomentTheReadyLineIsReadExitsZeroEveryTime() throws Exception {
        List<Integer> exits = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Map<String, String> env = TestEnvironment.of(directory.resolve("round-" + round));
            exits.add(readyThenSigterm(env, directory.resolve("stderr-" + round + ".log")));
        }
        assertThat(exits).as("exit codes of three starts stopped at once").containsOnly(0);
    }

    /**
     * Deterministic: the signal is raised from inside the printing of the ready line, the very first moment after it.
     * Were the handlers installed after the ready line, the JVM running this test would die of the signal.
     */
    @Test
    void aSigtermRaisedAsTheReadyLineIsPrintedIsAGracefulStop() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                if (line.startsWith("keyport ready")) {
                    Signal.raise(new Signal("TERM"));
                }
            }
        };
        try {
            assertThat(Main.serve(TestEnvironment.of(directory), out, new PrintStream(new ByteArrayOutputStream())))
                    .isZero();
        } finally {
            Signal.handle(new Signal("TERM"), SignalHandler.SIG_DFL);
            Signal.handle(new Signal("INT"), SignalHandler.SIG_DFL);
        }
    }

    @Test
    void jsonLogsAreOneObjectPerLineAndTellTheOperatorWhatHappened() throws Exception {
        Path seed = Files.writeString(directory.resolve("seed.json"), """
                {"keys": [{"tenant": "dev", "region": "cn-north-4", "keyId": "5eed0000-0000-4000-8000-000000000001",
                           "alias": "seeded", "origin": "EXTERNAL", "state": "Enabled", "material": "%s"}]}
                """.formatted(Base64.getEncoder().encodeToString(new byte[32])));
        Map<String, String> env = TestEnvironment.of(directory, "KEYPORT_LOG_FORMAT", "json", "KEYPORT_SEED",
                seed.toString(), "KEYPORT_DB_PASSWORD", "hunter2-not-logged");
        Path stderr = directory.resolve("stderr.json");

        assertThat(readyThenSigterm(env, stderr)).isZero();

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            JsonNode event = json.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.has("level") && event.has("timestamp") && event.has("loggerName")).as(line).isTrue();
            events.add(event);
        }
        String all = Files.readString(stderr);
        assertThat(messages(events)).contains("keyport starting", "settings", "seeded keys", "keyport ready",
                "keyport stopping", "keyport stopped");
        assertThat(all).contains(Version.current()).contains("KEYPORT_DATA_DIR")
                .contains("KEYPORT_DB_PASSWORD=(redacted)").doesNotContain("hunter2-not-logged");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("level").asText()).isEqualTo("WARN");
            assertThat(e.path("formattedMessage").asText()).contains("development credentials")
                    .contains(CredentialsFile.DEV_TENCENT_SECRET_ID).doesNotContain(
                            CredentialsFile.DEV_TENCENT_SECRET_KEY);
        });
        assertThat(all).contains("\"created\"").doesNotContain(CredentialsFile.DEV_HUAWEI_SK);
    }

    private static List<String> messages(List<JsonNode> events) {
        return events.stream().map(e -> e.path("formattedMessage").asText()).toList();
    }
}
