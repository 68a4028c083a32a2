package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real main in a child JVM: one ready line on standard output, and SIGTERM ends it with exit code 0. */
class SigtermTest {

    @TempDir
    Path directory;

    @Test
    void sigtermStopsTheServerAndExitsZero() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KEYPORT_DATA_DIR", directory.resolve("data").toString());
        builder.environment().put("KEYPORT_TENCENT_PORT", "0");
        builder.environment().put("KEYPORT_HUAWEI_PORT", "0");
        builder.environment().put("KEYPORT_OPS_PORT", "0");
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertThat(ready).startsWith("keyport ready tencent=http://127.0.0.1:");
            assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue(); // leaves our pipes open
            assertThat(out.readLine()).as("nothing else on standard output").isNull();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }
}
