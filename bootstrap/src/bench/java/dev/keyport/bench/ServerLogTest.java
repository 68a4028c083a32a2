package dev.keyport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLogTest {

    @TempDir
    Path folder;

    @Test
    void warningsOfOneKindAreCountedOnceWhateverTheirIds() throws Exception {
        Path log = folder.resolve("keyport.log");
        Files.write(log, List.of(
                "2026-12-07T13:00:00.000Z INFO  d.k.b.KeyportServer - keyport ready",
                "2026-12-07T13:00:01.000Z WARN  d.k.a.h.HuaweiApi - request 3f9a0c17b2e44d0e9a1b refused: the key "
                        + "store is unavailable",
                "2026-12-07T13:00:02.000Z WARN  d.k.a.h.HuaweiApi - request 77c1d02e9b7a4f21b3c4 refused: the key "
                        + "store is unavailable",
                "2026-12-07T13:00:03.000Z INFO  d.k.a.t.TencentApi - tencent request done"));
        ServerLog.Summary summary = ServerLog.summarize(log);
        assertThat(summary.lines()).isEqualTo(4);
        assertThat(summary.warnings()).isEqualTo(2);
        assertThat(summary.errors()).isZero();
        assertThat(summary.kinds()).containsOnlyKeys(
                "WARN d.k.a.h.HuaweiApi - request <id> refused: the key store is unavailable");
        ServerLog.Kind kind = summary.kinds().values().iterator().next();
        assertThat(kind.count()).isEqualTo(2);
        assertThat(kind.example()).contains("3f9a0c17b2e44d0e9a1b");
    }

    @Test
    void anErrorKeepsTheStartOfItsStackTrace() throws Exception {
        Path log = folder.resolve("keyport.log");
        Files.write(log, List.of(
                "2026-12-07T13:00:00.000Z ERROR d.k.b.KeyportServer - sweep failed",
                "java.lang.IllegalStateException: timeout after 2000 ms",
                "\tat dev.keyport.Example.run(Example.java:1)",
                "2026-12-07T13:00:01.000Z INFO  d.k.b.KeyportServer - next"));
        ServerLog.Summary summary = ServerLog.summarize(log);
        assertThat(summary.errors()).isEqualTo(1);
        ServerLog.Kind kind = summary.kinds().get("ERROR d.k.b.KeyportServer - sweep failed");
        assertThat(kind.example()).contains("sweep failed", "IllegalStateException: timeout after 2000 ms",
                "Example.java:1").doesNotContain("next");
    }
}
