package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.describe;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.enabledExternalKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A TC3 signature covers neither X-TC-Action nor X-TC-Region nor X-TC-Version (the SDKs sign content-type;host), so
 * Keyport pins each accepted signature to them (issue 10, point 2).
 */
class SignatureMemoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TencentServer server;
    private static KmsClient kms;
    private static TestSigner signer;

    @BeforeAll
    static void start() throws Exception {
        server = new TencentServer();
        kms = server.client();
        signer = server.signer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String enabledKey() throws Exception {
        return enabledExternalKey(kms, "s-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static TestSigner.Tc3Post copy(TestSigner.Tc3Post post) {
        TestSigner.Tc3Post copy = new TestSigner.Tc3Post();
        copy.action = post.action;
        copy.body = post.body;
        copy.contentType = post.contentType;
        copy.timestamp = post.timestamp;
        copy.region = post.region;
        copy.version = post.version;
        copy.service = post.service;
        copy.signedHeaders = post.signedHeaders;
        copy.extraHeaders.putAll(post.extraHeaders);
        copy.authorization = post.authorization;
        return copy;
    }

    @Test
    void aCapturedSignatureCannotBeSentAgainWithAnotherActionRegionVersionOrBody() throws Exception {
        String keyId = enabledKey();
        String other = enabledKey();
        TestSigner.Tc3Post describe = signer.sign(signer.tc3("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}"));
        assertThat(TestSigner.errorCode(signer.send(describe))).isEmpty();
        assertThat(TestSigner.errorCode(signer.send(copy(describe)))).as("an identical retry").isEmpty();
        TestSigner.Tc3Post unsigned = signer.tc3("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}");
        unsigned.extraHeaders.put("X-TC-Content-SHA256", "UNSIGNED-PAYLOAD");
        unsigned.authorization = signer.signOverHash(unsigned, TestSigner.sha256("UNSIGNED-PAYLOAD"));
        assertThat(TestSigner.errorCode(signer.send(unsigned))).as("the body is not signed").isEmpty();

        Thread.sleep(SignatureMemory.DEFAULT_GRACE.toMillis() + 200); // past the grace of requests signed together

        TestSigner.Tc3Post disable = copy(describe);
        disable.action = "DisableKey";
        assertThat(TestSigner.errorCode(signer.send(disable))).isEqualTo("AuthFailure.SignatureFailure");
        TestSigner.Tc3Post elsewhere = copy(describe);
        elsewhere.region = "ap-beijing";
        assertThat(TestSigner.errorCode(signer.send(elsewhere))).isEqualTo("AuthFailure.SignatureFailure");
        TestSigner.Tc3Post noRegion = copy(describe);
        noRegion.region = null;
        assertThat(TestSigner.errorCode(signer.send(noRegion))).isEqualTo("AuthFailure.SignatureFailure");
        TestSigner.Tc3Post versioned = copy(describe);
        versioned.version = "2017-03-12";
        assertThat(TestSigner.errorCode(signer.send(versioned))).isEqualTo("AuthFailure.SignatureFailure");
        TestSigner.Tc3Post bodySwapped = copy(unsigned);
        bodySwapped.body = "{\"KeyId\":\"" + other + "\"}";
        assertThat(TestSigner.errorCode(signer.send(bodySwapped))).as("an unsigned body swapped")
                .isEqualTo("AuthFailure.SignatureFailure");
        TestSigner.Tc3Post swapped = copy(unsigned);
        swapped.action = "DisableKey";
        swapped.body = "{\"KeyId\":\"" + other + "\"}";
        assertThat(TestSigner.errorCode(signer.send(swapped))).as("and the action")
                .isEqualTo("AuthFailure.SignatureFailure");

        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Enabled");
        assertThat(describe(kms, other).getKeyState()).isEqualTo("Enabled");
        assertThat(TestSigner.errorCode(signer.send(copy(describe)))).as("the identical retry still works").isEmpty();
    }

    @Test
    void requestsSignedInTheSameSecondThatShareASignatureAreAllServed() throws Exception {
        String keyId = enabledKey();
        TestSigner.Tc3Post describe = signer.sign(signer.tc3("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}"));
        TestSigner.Tc3Post disable = copy(describe);
        disable.action = "DisableKey";
        TestSigner.Tc3Post enable = copy(describe);
        enable.action = "EnableKey";
        assertThat(disable.authorization).as("the SDKs' signature does not cover the action")
                .isEqualTo(signer.sign(copy(disable)).authorization);
        assertThat(TestSigner.errorCode(signer.send(describe))).isEmpty();
        assertThat(TestSigner.errorCode(signer.send(disable))).isEmpty();
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Disabled");
        assertThat(TestSigner.errorCode(signer.send(enable))).isEmpty();
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Enabled");
    }

    // ---------------------------------------------------------------------------------------------- the memory

    private static final byte[] A = {1};
    private static final byte[] B = {2};

    @Test
    void anotherReadingIsAcceptedOnlyWithinTheGraceAndAnIdenticalOneAlways() {
        AtomicLong nanos = new AtomicLong();
        SignatureMemory memory = new SignatureMemory(10, Duration.ofSeconds(2), nanos::get);
        assertThat(memory.remember("s", A, 400, 100)).isTrue();
        nanos.addAndGet(Duration.ofMillis(1999).toNanos());
        assertThat(memory.remember("s", B, 400, 101)).as("within the grace").isTrue();
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(memory.remember("s", new byte[] {3}, 400, 102)).as("past the grace").isFalse();
        assertThat(memory.remember("s", A, 400, 102)).isTrue();
        assertThat(memory.remember("s", B, 400, 399)).isTrue();
        assertThat(memory.remember("s", new byte[] {3}, 400, 400)).as("expired: the timestamp check refuses it anyway")
                .isTrue();
    }

    @Test
    void oneSignatureHasABoundedNumberOfReadings() {
        SignatureMemory memory = new SignatureMemory(10, Duration.ofSeconds(2), () -> 0);
        for (int i = 0; i < SignatureMemory.MAX_READINGS; i++) {
            assertThat(memory.remember("s", new byte[] {(byte) i}, 400, 100)).isTrue();
        }
        assertThat(memory.remember("s", new byte[] {99}, 400, 100)).isFalse();
    }

    @Test
    void theMemoryIsBoundedAndForgetsTheOldestFirst() {
        AtomicLong nanos = new AtomicLong();
        SignatureMemory memory = new SignatureMemory(3, Duration.ofSeconds(2), nanos::get);
        for (int i = 0; i < 5; i++) {
            assertThat(memory.remember("s" + i, A, 400, 100)).isTrue();
        }
        assertThat(memory.size()).isEqualTo(3);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(memory.remember("s4", B, 400, 100)).as("remembered").isFalse();
        assertThat(memory.remember("s0", B, 400, 100)).as("forgotten when full: accepted again").isTrue();
        assertThat(memory.size()).isEqualTo(3);
        assertThat(memory.remember("late", A, 500, 400)).isTrue();
        assertThat(memory.size()).as("expired signatures are forgotten").isEqualTo(1);
    }
}
