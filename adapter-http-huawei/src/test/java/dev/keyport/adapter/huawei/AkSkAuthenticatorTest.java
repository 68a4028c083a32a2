package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.inmemory.InMemoryTenantDirectory;
import dev.keyport.application.port.out.HuaweiCredential;
import dev.keyport.application.port.out.Secret;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature algorithm against a request the real Java SDK 3.1.143 signed (the research notes' test vector). */
class AkSkAuthenticatorTest {

    private static final String BODY = "{\"key_id\":\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\"}";
    private static final String SIGNATURE = "3337d7082a009e6623964631d16f350ededa47547432c6e17213d2907a1d9adb";

    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory().add(new HuaweiCredential(
            TenantId.of("vector"), "TESTAK0123456789", Secret.of("TESTSKabcdefghijklmnopqrstuvwxyz0123456789"),
            "domain", Map.of("p1", Region.of("cn-north-4"))));

    private AkSkAuthenticator at(String instant) {
        return new AkSkAuthenticator(directory, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static AkSkAuthenticator.SignedRequest request(String signature, String body, String date) {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "127.0.0.1:18080");
        headers.put("user-agent", "huaweicloud-usdk-java/3.0");
        headers.put("x-project-id", "p1");
        headers.put("x-sdk-date", date);
        headers.put("authorization", "SDK-HMAC-SHA256 Access=TESTAK0123456789, "
                + "SignedHeaders=host;user-agent;x-project-id;x-sdk-date, Signature=" + signature);
        return new AkSkAuthenticator.SignedRequest("POST", "/v1.0/p1/kms/describe-key", null, headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSdksOwnSignatureVerifies() {
        HuaweiCredential credential = at("2026-11-22T09:50:41Z").authenticate(request(SIGNATURE, BODY,
                "20261122T095041Z"));
        assertThat(credential.tenant()).isEqualTo(TenantId.of("vector"));
        assertThat(AkSkAuthenticator.canonicalUri("/v1.0/p1/kms/describe-key")).isEqualTo("/v1.0/p1/kms/describe-key/");
        assertThat(AkSkAuthenticator.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f8d5a27350e9ce44d727865b6957f78d96b7446a119a222f20c5461a3eaf27f0");
    }

    @Test
    void anyChangeBreaksIt() {
        AkSkAuthenticator authenticator = at("2026-11-22T09:50:41Z");
        assertRejected(() -> authenticator.authenticate(request(SIGNATURE, BODY.replace("0d04", "0d05"),
                "20261122T095041Z")));
        assertRejected(() -> authenticator.authenticate(request(SIGNATURE, BODY, "20261122T095042Z")));
        assertRejected(() -> authenticator.authenticate(request(SIGNATURE.replace('3', '4'), BODY,
                "20261122T095041Z")));
    }

    @Test
    void theDateMustBeWithinFifteenMinutes() {
        at("2026-11-22T10:05:41Z").authenticate(request(SIGNATURE, BODY, "20261122T095041Z"));
        assertRejected(() -> at("2026-11-22T10:05:42Z").authenticate(request(SIGNATURE, BODY, "20261122T095041Z")));
        assertRejected(() -> at("2026-11-22T09:35:40Z").authenticate(request(SIGNATURE, BODY, "20261122T095041Z")));
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HuaweiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("APIGW.0301");
            assertThat(e.gateway()).isTrue();
        });
    }
}
