package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.port.out.Secret;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature algorithm against a request the real Java SDK 3.1.143 signed (the research notes' test vector). */
class HuaweiAuthenticatorTest {

    private static final String BODY = "{\"key_id\":\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\"}";
    private static final String SIGNATURE = "3337d7082a009e6623964631d16f350ededa47547432c6e17213d2907a1d9adb";

    private final HuaweiCredentials directory = HuaweiServer.credentials(new HuaweiCredential(
            TenantId.of("vector"), "TESTAK0123456789", Secret.of("TESTSKabcdefghijklmnopqrstuvwxyz0123456789"),
            "domain", Map.of("p1", Region.of("cn-north-4"))));

    private HuaweiAuthenticator at(String instant) {
        return new HuaweiAuthenticator(directory, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static HuaweiAuthenticator.SignedRequest request(String signature, String body, String date) {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "127.0.0.1:18080");
        headers.put("user-agent", "huaweicloud-usdk-java/3.0");
        headers.put("x-project-id", "p1");
        headers.put("x-sdk-date", date);
        headers.put("authorization", "SDK-HMAC-SHA256 Access=TESTAK0123456789, "
                + "SignedHeaders=host;user-agent;x-project-id;x-sdk-date, Signature=" + signature);
        return HuaweiAuthenticator.SignedRequest.of("POST", "/v1.0/p1/kms/describe-key", null, headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSdksOwnSignatureVerifies() {
        HuaweiCredential credential = at("2026-11-22T09:50:41Z").authenticate(request(SIGNATURE, BODY,
                "20261122T095041Z"));
        assertThat(credential.tenant()).isEqualTo(TenantId.of("vector"));
        assertThat(HuaweiAuthenticator.canonicalUri("/v1.0/p1/kms/describe-key"))
                .isEqualTo("/v1.0/p1/kms/describe-key/");
        assertThat(HuaweiAuthenticator.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f8d5a27350e9ce44d727865b6957f78d96b7446a119a222f20c5461a3eaf27f0");
    }

    @Test
    void anyChangeBreaksIt() {
        HuaweiAuthenticator authenticator = at("2026-11-22T09:50:41Z");
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

    private static HuaweiAuthenticator.SignedRequest withHeaders(HuaweiAuthenticator.SignedRequest request, String body,
                                                               Map<String, List<String>> changes) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        changes.forEach((name, values) -> {
            headers.remove(name.toLowerCase(java.util.Locale.ROOT));
            headers.put(name, values);
        });
        return new HuaweiAuthenticator.SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDeclaredBodyHashIsAcceptedOnlyWhenItIsTheBodysOwn() {
        HuaweiAuthenticator authenticator = at("2026-11-22T09:50:41Z");
        HuaweiAuthenticator.SignedRequest signed = request(SIGNATURE, BODY, "20261122T095041Z");
        String hash = HuaweiAuthenticator.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8));
        authenticator.authenticate(withHeaders(signed, BODY, Map.of("x-sdk-content-sha256", List.of(hash))));
        String swapped = BODY.replace("0d0466b0", "ffffffff");
        assertRejected(() -> authenticator.authenticate(withHeaders(signed, swapped,
                Map.of("x-sdk-content-sha256", List.of(hash)))));
        assertRejected(() -> authenticator.authenticate(withHeaders(signed, BODY,
                Map.of("x-sdk-content-sha256", List.of("UNSIGNED-PAYLOAD")))));
        assertRejected(() -> authenticator.authenticate(withHeaders(signed, BODY,
                Map.of("x-sdk-content-sha256", List.of(hash, hash)))));
    }

    @Test
    void aSignedHeaderMustBePresentOnceWithoutControlCharacters() {
        HuaweiAuthenticator authenticator = at("2026-11-22T09:50:41Z");
        HuaweiAuthenticator.SignedRequest signed = request(SIGNATURE, BODY, "20261122T095041Z");
        assertRejected(() -> authenticator.authenticate(withHeaders(signed, BODY,
                Map.of("x-project-id", List.of("p1", "p1")))));
        assertRejected(() -> authenticator.authenticate(withHeaders(signed, BODY,
                Map.of("host", List.of("127.0.0.1:18080", "evil.example")))));
        assertRejected(() -> authenticator.authenticate(withHeaders(signed, BODY, Map.of("user-agent", List.of()))));
        assertRejected(() -> authenticator.authenticate(withHeaders(signed, BODY,
                Map.of("user-agent", List.of("huaweicloud-usdk-java/3.0\nx-project-id:p2")))));
        // whitespace around a value and the case of a name are not part of the meaning
        authenticator.authenticate(withHeaders(signed, BODY, Map.of("USER-AGENT",
                List.of("  huaweicloud-usdk-java/3.0 "))));
    }

    @Test
    void theSignedHeaderListNamesEachHeaderOnce() {
        HuaweiAuthenticator authenticator = at("2026-11-22T09:50:41Z");
        HuaweiAuthenticator.SignedRequest signed = request(SIGNATURE, BODY, "20261122T095041Z");
        for (String list : List.of("host;host;user-agent;x-project-id;x-sdk-date",
                "host;user-agent;x-project-id;x-sdk-date;", ";host;user-agent;x-project-id;x-sdk-date",
                "host;;user-agent;x-project-id;x-sdk-date")) {
            assertRejected(() -> authenticator.authenticate(withHeaders(signed, BODY, Map.of("authorization",
                    List.of("SDK-HMAC-SHA256 Access=TESTAK0123456789, SignedHeaders=" + list + ", Signature="
                            + SIGNATURE)))));
        }
    }

    @Test
    void aQueryMayNotRepeatAParameterAndMustBeValidPercentEncoding() {
        assertThat(HuaweiAuthenticator.canonicalQuery("b=2&a=1&c")).isEqualTo("a=1&b=2&c=");
        assertThat(HuaweiAuthenticator.canonicalQuery("a=x+y%2Az~")).isEqualTo("a=x%20y%2Az~");
        for (String query : List.of("a=1&a=2", "a=1&a", "a&a", "a=%zz", "a=%", "%C3%28=1", "a=1&%61=2")) {
            assertThatThrownBy(() -> HuaweiAuthenticator.canonicalQuery(query)).as(query)
                    .isInstanceOfSatisfying(HuaweiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("APIGW.0201");
                    });
        }
    }

    @Test
    void theCanonicalUriIsBuiltFromTheDecodedSegmentsAsTheSdksBuildIt() {
        assertThat(HuaweiAuthenticator.canonicalUri("/")).isEqualTo("/");
        assertThat(HuaweiAuthenticator.canonicalUri("/v1.0/p1/kms/%64escribe-key"))
                .isEqualTo("/v1.0/p1/kms/describe-key/");
        assertThat(HuaweiAuthenticator.canonicalUri("/v1.0/p1/kms/a%2Fb")).isEqualTo("/v1.0/p1/kms/a%2Fb/");
        assertThat(HuaweiAuthenticator.canonicalUri("/v1.0/%7Bproject_id%7D/kms/x+y"))
                .isEqualTo("/v1.0/%7Bproject_id%7D/kms/x%2By/");
        assertThat(HuaweiAuthenticator.canonicalUri("/a//b/")).isEqualTo("/a//b/");
        assertThatThrownBy(() -> HuaweiAuthenticator.canonicalUri("/a%zz")).isInstanceOf(HuaweiException.class);
        assertThatThrownBy(() -> HuaweiAuthenticator.canonicalUri("/a%C3%28")).isInstanceOf(HuaweiException.class);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HuaweiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("APIGW.0301");
            assertThat(e.gateway()).isTrue();
        });
    }
}
