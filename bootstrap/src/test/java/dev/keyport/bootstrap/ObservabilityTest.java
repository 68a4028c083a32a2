package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.adapter.tencent.TencentApi;
import dev.keyport.domain.KeyState;
import org.junit.jupiter.api.Test;

/** What an operator's tools read: escaped log values and the Prometheus text. */
class ObservabilityTest {

    @Test
    void aValueFromARequestCannotForgeALineOrAField() {
        assertThat(Observability.escape("5eed\n2026-11-29T00:00:00Z INFO forged")).doesNotContain("\n")
                .startsWith("5eed\\u000a2026");
        assertThat(Observability.escape("a\r\u0000\u001b[31m\u2028")).isEqualTo("a\\u000d\\u0000\\u001b[31m\\u2028");
        assertThat(Observability.escape("k\" outcome=\"Success")).isEqualTo("k\\\" outcome=\\\"Success");
        assertThat(Observability.escape("x".repeat(500))).hasSize(129).endsWith("…");
        assertThat(Observability.escape(null)).isEmpty();
    }

    @Test
    void latencyIsLoggedInMillisecondsWithTwoDecimalsRoundedHalfUp() {
        assertThat(Observability.millis(0)).isEqualTo("0.00");
        assertThat(Observability.millis(4_999)).isEqualTo("0.00");
        assertThat(Observability.millis(5_000)).isEqualTo("0.01");
        assertThat(Observability.millis(90_000)).isEqualTo("0.09");
        assertThat(Observability.millis(1_250_000)).isEqualTo("1.25");
        assertThat(Observability.millis(12_345_678)).isEqualTo("12.35");
        assertThat(Observability.millis(2_000_000_000L)).isEqualTo("2000.00");
        assertThat(Observability.millis(-1)).isEqualTo("0.00");
    }

    @Test
    void requestsWithTheSameLabelsCountInOneSeries() {
        try (Observability observability = new Observability()) {
            for (int i = 0; i < 3; i++) {
                observability.tencent(new TencentApi.RequestOutcome("r-" + i, "Encrypt", "dev", "k", "Success",
                        1_000_000, "AKIDx", "127.0.0.1"));
            }
            observability.tencent(new TencentApi.RequestOutcome("r-9", "Encrypt", "dev", "k", "ResourceUnavailable",
                    1_000_000, "AKIDx", "127.0.0.1"));
            assertThat(observability.scrape())
                    .contains("keyport_requests_seconds_count{action=\"Encrypt\",outcome=\"Success\",status=\"200\","
                            + "vendor=\"tencent\"} 3")
                    .contains("keyport_requests_seconds_count{action=\"Encrypt\",outcome=\"ResourceUnavailable\","
                            + "status=\"200\",vendor=\"tencent\"} 1");
        }
    }

    @Test
    void stateLabelsAreSpelledAsTheApisSpellThem() {
        assertThat(KeyState.values()).extracting(Observability::apiName)
                .containsExactly("Enabled", "Disabled", "PendingDelete", "PendingImport");
    }

    @Test
    void theScrapeHasJvmProcessBuildAndLatencyHistograms() {
        try (Observability observability = new Observability()) {
            observability.tencent(new TencentApi.RequestOutcome("r-1", "DescribeKey", "dev", "k", "Success",
                    3_000_000, "AKIDx", "127.0.0.1"));
            String scrape = observability.scrape();
            assertThat(scrape).contains("jvm_memory_used_bytes").contains("jvm_gc_").contains("jvm_threads_live")
                    .contains("process_cpu_usage").contains("process_uptime_seconds").contains("system_cpu_count")
                    .contains("keyport_build_info{java=\"").contains("version=\"" + Version.current() + "\"")
                    .contains("keyport_requests_seconds_bucket{action=\"DescribeKey\",outcome=\"Success\","
                            + "status=\"200\",vendor=\"tencent\",le=\"0.005\"} 1")
                    .contains("keyport_requests_seconds_bucket{action=\"DescribeKey\",outcome=\"Success\","
                            + "status=\"200\",vendor=\"tencent\",le=\"0.002\"} 0")
                    .contains("keyport_keys{state=\"PendingImport\"}");
        }
    }
}
