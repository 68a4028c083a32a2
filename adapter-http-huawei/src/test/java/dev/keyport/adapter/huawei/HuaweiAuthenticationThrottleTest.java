package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyport.application.port.in.Keyport;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failed authentications are throttled per presented access key (Huawei's gateway: 5 consecutive failures lock the
 * AK for 5 minutes) and per client address; a locked subject is refused without its signature being checked.
 */
class HuaweiAuthenticationThrottleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private HuaweiServer server;

    private HuaweiServer start(HuaweiApiConfig.Lockout accessKey, HuaweiApiConfig.Lockout address)
            throws Exception {
        server = new HuaweiServer(Keyport.builder().clock(Clock.systemUTC()),
                HuaweiApiConfig.defaults().withLockouts(accessKey, address), nanos::get);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> listKeys(String ak, String sk) throws Exception {
        String project = ak.equals(HuaweiServer.OTHER_AK) ? HuaweiServer.OTHER_PROJECT : HuaweiServer.PROJECT;
        return HuaweiSigner.send(server.port(), HuaweiSigner.sign(HuaweiSigner.post(server.port(), project,
                "list-keys", "{}"), ak, sk));
    }

    private static JsonNode unauthorized(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error_code").asText()).isEqualTo("APIGW.0301");
        assertThat(body.path("request_id").asText()).isNotEmpty();
        return body;
    }

    @Test
    void theDefaultsAreHuaweisForAnAccessKeyAndLooserForAnAddress() {
        HuaweiApiConfig defaults = HuaweiApiConfig.defaults();
        assertThat(defaults.accessKeyLockout().maxFailures()).isEqualTo(5);
        assertThat(defaults.accessKeyLockout().lockout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.addressLockout().maxFailures()).isEqualTo(20);
        assertThat(defaults.addressLockout().lockout()).isEqualTo(Duration.ofMinutes(1));
        HuaweiApiConfig old = new HuaweiApiConfig(7, Map.of("list-keys", 3));
        assertThat(old.perSecond()).isEqualTo(7);
        assertThat(old.accessKeyLockout()).isEqualTo(defaults.accessKeyLockout());
    }

    @Test
    void fiveBadSignaturesLockTheAccessKeyForFiveMinutesWithoutCheckingItsSignatures() throws Exception {
        start(HuaweiApiConfig.HUAWEI_ACCESS_KEY_LOCKOUT, HuaweiApiConfig.Lockout.off());
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 5; i++) {
                assertThat(unauthorized(listKeys(HuaweiServer.AK, "guess-" + i)).path("error_msg").asText())
                        .contains("verify aksk signature fail");
            }
            JsonNode locked = unauthorized(listKeys(HuaweiServer.AK, HuaweiServer.SK));
            assertThat(locked.path("error_msg").asText()).contains("locked");
            assertThat(listKeys(HuaweiServer.OTHER_AK, HuaweiServer.OTHER_SK).statusCode())
                    .as("another access key from the same address").isEqualTo(200);
            nanos.addAndGet(Duration.ofMinutes(5).minusSeconds(1).toNanos());
            assertThat(unauthorized(listKeys(HuaweiServer.AK, HuaweiServer.SK)).path("error_msg").asText())
                    .contains("locked");
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            assertThat(listKeys(HuaweiServer.AK, HuaweiServer.SK).statusCode()).isEqualTo(200);
            assertThat(log.events()).filteredOn(e -> e.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("huawei: access key " + HuaweiServer.AK
                            + " locked for 300 s after 5 consecutive failed authentications");
        }
    }

    @Test
    void aSuccessClearsTheCount() throws Exception {
        start(HuaweiApiConfig.HUAWEI_ACCESS_KEY_LOCKOUT, HuaweiApiConfig.Lockout.off());
        for (int i = 0; i < 4; i++) {
            unauthorized(listKeys(HuaweiServer.AK, "guess"));
        }
        assertThat(listKeys(HuaweiServer.AK, HuaweiServer.SK).statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            unauthorized(listKeys(HuaweiServer.AK, "guess"));
        }
        assertThat(listKeys(HuaweiServer.AK, HuaweiServer.SK).statusCode()).isEqualTo(200);
    }

    @Test
    void sprayingAccessKeysFromOneAddressLocksTheAddress() throws Exception {
        start(HuaweiApiConfig.Lockout.off(),
                new HuaweiApiConfig.Lockout(3, Duration.ofMinutes(1), 100));
        for (int i = 0; i < 3; i++) {
            unauthorized(listKeys("SPRAYED" + i, "whatever"));
        }
        assertThat(unauthorized(listKeys(HuaweiServer.AK, HuaweiServer.SK)).path("error_msg").asText())
                .contains("locked").contains("address");
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(listKeys(HuaweiServer.AK, HuaweiServer.SK).statusCode()).isEqualTo(200);
    }

    @Test
    void theOutcomeNamesThePresentedAccessKeyAndTheAddressButNeverTheSignature() throws Exception {
        start(HuaweiApiConfig.Lockout.off(), HuaweiApiConfig.Lockout.off());
        HuaweiSigner.Post wrong = HuaweiSigner.sign(HuaweiSigner.post(server.port(), HuaweiServer.PROJECT,
                "list-keys", "{}"), "NOSUCHAK", "whatever");
        unauthorized(HuaweiSigner.send(server.port(), wrong));
        String longAk = "A".repeat(300);
        unauthorized(listKeys(longAk, "whatever"));
        HuaweiSigner.Post unsigned = HuaweiSigner.post(server.port(), HuaweiServer.PROJECT, "list-keys", "{}");
        unauthorized(HuaweiSigner.send(server.port(), unsigned));
        assertThat(listKeys(HuaweiServer.AK, HuaweiServer.SK).statusCode()).isEqualTo(200);

        assertThat(server.outcomes).hasSize(4);
        HuaweiApi.RequestOutcome unknown = server.outcomes.get(0);
        assertThat(unknown.accessKey()).isEqualTo("NOSUCHAK");
        assertThat(unknown.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(unknown.operation()).isEqualTo("list-keys");
        assertThat(unknown.outcome()).isEqualTo("APIGW.0301");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.tenant()).isEmpty();
        String signature = wrong.authorization.substring(wrong.authorization.indexOf("Signature=") + 10);
        assertThat(unknown.toString()).doesNotContain(signature).doesNotContain("whatever");
        assertThat(server.outcomes.get(1).accessKey()).isEqualTo("A".repeat(128));
        assertThat(server.outcomes.get(2).accessKey()).isEmpty();
        HuaweiApi.RequestOutcome ok = server.outcomes.get(3);
        assertThat(ok.accessKey()).isEqualTo(HuaweiServer.AK);
        assertThat(ok.tenant()).isEqualTo("tenant-a");
        assertThat(ok.toString()).doesNotContain(HuaweiServer.SK);
    }

    @Test
    void theOperationLabelIsABoundedSet() throws Exception {
        start(HuaweiApiConfig.Lockout.off(), HuaweiApiConfig.Lockout.off());
        for (int i = 0; i < 5; i++) {
            HuaweiSigner.Post post = HuaweiSigner.post(server.port(), HuaweiServer.PROJECT,
                    "random-" + java.util.UUID.randomUUID(), "{}");
            assertThat(HuaweiSigner.send(server.port(), HuaweiSigner.sign(post, HuaweiServer.AK, HuaweiServer.SK))
                    .statusCode()).isEqualTo(404);
        }
        HuaweiSigner.Post keyId = HuaweiSigner.post(server.port(), HuaweiServer.PROJECT, "describe-key",
                "{\"key_id\":\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\\nforged line\"}");
        HuaweiSigner.send(server.port(), HuaweiSigner.sign(keyId, HuaweiServer.AK, HuaweiServer.SK));
        assertThat(server.outcomes).hasSize(6);
        assertThat(server.outcomes.subList(0, 5)).extracting(HuaweiApi.RequestOutcome::operation)
                .containsOnly("unknown");
        assertThat(server.outcomes).extracting(HuaweiApi.RequestOutcome::operation)
                .allMatch(HuaweiCatalog.labels()::contains);
        assertThat(server.outcomes.get(5).keyId()).as("only a well-formed key id is reported").isEmpty();
    }
}
