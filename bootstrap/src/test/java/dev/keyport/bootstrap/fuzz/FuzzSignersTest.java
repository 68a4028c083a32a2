package dev.keyport.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fuzz's own Huawei signer signs as the official SDK does (huawei-kms-api.md §4.1, the SDK's recorded output). */
class FuzzSignersTest {

    @Test
    void theHuaweiSignerReproducesTheSdksSignatureOfARecordedRequest() {
        String authorization = HuaweiClient.authorization("TESTAK0123456789",
                "TESTSKabcdefghijklmnopqrstuvwxyz0123456789", "POST", "/v1.0/p1/kms/describe-key", "",
                Map.of("host", "127.0.0.1:18080", "user-agent", "huaweicloud-usdk-java/3.0", "x-project-id", "p1",
                        "x-sdk-date", "20261122T095041Z"),
                "{\"key_id\":\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(authorization).isEqualTo("SDK-HMAC-SHA256 Access=TESTAK0123456789, "
                + "SignedHeaders=host;user-agent;x-project-id;x-sdk-date, "
                + "Signature=3337d7082a009e6623964631d16f350ededa47547432c6e17213d2907a1d9adb");
    }
}
