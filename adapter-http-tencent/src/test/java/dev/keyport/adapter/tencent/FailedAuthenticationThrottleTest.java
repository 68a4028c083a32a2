package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyport.adapter.tencent.TencentApiConfig.Lockout;
import dev.keyport.application.inmemory.InMemoryKeyRepository;
import dev.keyport.domain.Region;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Repeated failed authentications lock the presented SecretId and the client address; while locked, a request is
 * refused before its signature is checked (issue 10, point 11).
 */
class FailedAuthenticationThrottleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TencentServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TencentServer start(TencentApiConfig config) throws Exception {
        server = new TencentServer(new InMemoryKeyRepository(), config);
        return server;
    }

    private static TencentApiConfig throttled(Lockout secretId, Lockout address) {
        return TencentApiConfig.defaults(Region.of("ap-guangzhou")).withThrottles(secretId, address);
    }

    private TestSigner wrongKey(String secretId) {
        return new TestSigner(secretId, "not-the-secret-key", server.port());
    }

    private TestSigner other() {
        return new TestSigner(TencentServer.OTHER_SECRET_ID, TencentServer.OTHER_SECRET_KEY, server.port());
    }

    @Test
    void tenBadSignaturesLockTheSecretIdByDefault() throws Exception {
        start(TencentApiConfig.defaults(Region.of("ap-guangzhou")));
        for (int i = 0; i < 10; i++) {
            assertThat(TestSigner.errorCode(wrongKey(TencentServer.SECRET_ID).post("ListKeys", "{}")))
                    .isEqualTo("AuthFailure.SignatureFailure");
        }
        assertThat(TestSigner.errorCode(server.signer().post("ListKeys", "{}"))).as("the right signature, while locked")
                .isEqualTo("RequestLimitExceeded");
        assertThat(TestSigner.errorCode(other().post("ListKeys", "{}"))).as("another SecretId from the same address").isEmpty();
    }

    @Test
    void aLockedSecretIdIsRefusedWithoutCheckingItsSignatureAndTheLockIsLoggedOnce() throws Exception {
        start(throttled(new Lockout(3, Duration.ofMinutes(1), 100), Lockout.off()));
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                assertThat(TestSigner.errorCode(wrongKey(TencentServer.SECRET_ID).post("ListKeys", "{}")))
                        .isEqualTo("AuthFailure.SignatureFailure");
            }
            assertThat(TestSigner.errorCode(server.signer().post("ListKeys", "{}"))).isEqualTo("RequestLimitExceeded");
            assertThat(TestSigner.errorCode(wrongKey(TencentServer.SECRET_ID).post("ListKeys", "{}")))
                    .as("not verified, so not a SignatureFailure").isEqualTo("RequestLimitExceeded");
            Map<String, String> params = new java.util.LinkedHashMap<>();
            params.put("Action", "ListKeys");
            assertThat(TestSigner.errorCode(server.signer().get(server.signer().v1Query("GET", "HmacSHA256", params))))
                    .as("whichever way it signs").isEqualTo("RequestLimitExceeded");
            assertThat(log.atLeast(Level.WARN)).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).contains(TencentServer.SECRET_ID).contains("locked")
                        .doesNotContain(TencentServer.SECRET_KEY).doesNotContain("not-the-secret-key");
                assertThat(e.getThrowableProxy()).isNull();
            });
        }
    }

    @Test
    void aSuccessStartsTheCountAgain() throws Exception {
        start(throttled(new Lockout(3, Duration.ofMinutes(1), 100), Lockout.off()));
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 2; i++) {
                assertThat(TestSigner.errorCode(wrongKey(TencentServer.SECRET_ID).post("ListKeys", "{}")))
                        .isEqualTo("AuthFailure.SignatureFailure");
            }
            assertThat(TestSigner.errorCode(server.signer().post("ListKeys", "{}"))).isEmpty();
        }
    }

    @Test
    void manyUnknownSecretIdsFromOneAddressLockTheAddress() throws Exception {
        start(throttled(Lockout.off(), new Lockout(5, Duration.ofMinutes(1), 100)));
        for (int i = 0; i < 5; i++) {
            assertThat(TestSigner.errorCode(wrongKey("AKIDnobody" + i).post("ListKeys", "{}")))
                    .isEqualTo("AuthFailure.SecretIdNotFound");
        }
        assertThat(TestSigner.errorCode(other().post("ListKeys", "{}"))).isEqualTo("RequestLimitExceeded.IPLimitExceeded");
        assertThat(TestSigner.errorCode(server.signer().post("ListKeys", "{}"))).isEqualTo("RequestLimitExceeded.IPLimitExceeded");
    }

    @Test
    void theOldConstructorAndDefaultsKeepTheDocumentedThrottles() {
        TencentApiConfig old = new TencentApiConfig(Region.of("ap-guangzhou"), 100, 300, Map.of());
        assertThat(old).isEqualTo(TencentApiConfig.defaults(Region.of("ap-guangzhou")));
        assertThat(old.secretIdThrottle()).isEqualTo(new Lockout(10, Duration.ofMinutes(5), 10_000));
        assertThat(old.addressThrottle()).isEqualTo(new Lockout(30, Duration.ofMinutes(5), 10_000));
        assertThat(old.signatureMemory()).isEqualTo(100_000);
    }
}
