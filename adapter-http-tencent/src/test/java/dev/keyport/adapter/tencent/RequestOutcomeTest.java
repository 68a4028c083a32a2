package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.application.inmemory.InMemoryKeyRepository;
import dev.keyport.domain.Region;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the server logs and counts for each request: an action from a bounded set, the SecretId presented (even when
 * authentication failed, never the secret or the signature), the client address (issue 10, point 8).
 */
class RequestOutcomeTest {

    private static final List<TencentApi.RequestOutcome> outcomes = new CopyOnWriteArrayList<>();
    private static TencentServer server;
    private static TestSigner signer;

    @BeforeAll
    static void start() throws Exception {
        server = new TencentServer(new InMemoryKeyRepository(), TencentApiConfig.defaults(Region.of("ap-guangzhou")),
                outcomes::add);
        signer = server.signer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        outcomes.clear();
    }

    private static TencentApi.RequestOutcome last() {
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    @Test
    void aServedRequestNamesItsActionTenantSecretIdAndAddress() throws Exception {
        signer.post("ListKeys", "{}");
        TencentApi.RequestOutcome outcome = last();
        assertThat(outcome.action()).isEqualTo("ListKeys");
        assertThat(outcome.tenant()).isEqualTo("tenant-a");
        assertThat(outcome.outcome()).isEqualTo("Success");
        assertThat(outcome.secretId()).isEqualTo(TencentServer.SECRET_ID);
        assertThat(outcome.clientAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void actionsOutsideTencentsApiAreOneLabel() throws Exception {
        for (String made_up : new String[] {"Made" + UUID.randomUUID(), "DescribeKey%0Aforged", "x".repeat(500)}) {
            outcomes.clear();
            signer.post(made_up, "{}");
            assertThat(last().action()).isEqualTo("unknown");
        }
        outcomes.clear();
        signer.post("ArchiveKey", "{}");
        assertThat(last().action()).as("Tencent's, not implemented").isEqualTo("ArchiveKey");
        assertThat(last().outcome()).isEqualTo("UnsupportedOperation");
    }

    @Test
    void aFailedAuthenticationCarriesTheSecretIdPresentedAndNeverTheSignature() throws Exception {
        TestSigner.Tc3Post post = new TestSigner(TencentServer.SECRET_ID, "wrong-secret", server.port())
                .sign(new TestSigner(TencentServer.SECRET_ID, "wrong-secret", server.port()).tc3("DisableKey", "{}"));
        signer.send(post);
        TencentApi.RequestOutcome outcome = last();
        assertThat(outcome.outcome()).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(outcome.secretId()).isEqualTo(TencentServer.SECRET_ID);
        assertThat(outcome.action()).isEqualTo("DisableKey");
        assertThat(outcome.tenant()).isEmpty();
        String signature = post.authorization.substring(post.authorization.indexOf("Signature=") + 10);
        assertThat(outcome.toString()).doesNotContain(signature).doesNotContain("wrong-secret");

        outcomes.clear();
        String longId = "AKID" + "z".repeat(300);
        new TestSigner(longId, "whatever", server.port()).post("ListKeys", "{}");
        assertThat(last().outcome()).isEqualTo("AuthFailure.SecretIdNotFound");
        assertThat(last().secretId()).hasSize(128).isEqualTo(longId.substring(0, 128));

        outcomes.clear();
        TestSigner.Tc3Post garbled = signer.tc3("ListKeys", "{}");
        garbled.authorization = "TC3-HMAC-SHA256 Credential=AKIDpresented/garbage";
        signer.send(garbled);
        assertThat(last().outcome()).isEqualTo("AuthFailure.InvalidAuthorization");
        assertThat(last().secretId()).isEqualTo("AKIDpresented");
    }

    @Test
    void aKeyIdThatIsNotOneIsNotReported() throws Exception {
        signer.post("DescribeKey", "{\"KeyId\":\"line\\nbreak\"}");
        assertThat(last().keyId()).isEmpty();
        outcomes.clear();
        String keyId = UUID.randomUUID().toString();
        signer.post("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}");
        assertThat(last().keyId()).isEqualTo(keyId);
    }

    @Test
    void requestsRefusedBeforeTheyReachAnActionAreReportedToo() throws Exception {
        RawHttp.send(server.port(), "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(last().action()).isEqualTo("unknown");
        assertThat(last().outcome()).isEqualTo("UnsupportedProtocol");
        assertThat(last().clientAddress()).isEqualTo("127.0.0.1");
        outcomes.clear();
        RawHttp.send(server.port(), "GET /?" + "x".repeat(70 * 1024) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(last().outcome()).isEqualTo("RequestSizeLimitExceeded");
    }

    /**
     * The observer hears of a request before its answer leaves: a client that has its answer finds the request in
     * the log and the metrics. (The observer here is slow on purpose: were it called after the answer, the client
     * would see the answer first.)
     */
    @Test
    void theOutcomeIsReportedBeforeTheAnswerIsSent() throws Exception {
        List<TencentApi.RequestOutcome> reported = new CopyOnWriteArrayList<>();
        try (TencentServer slow = new TencentServer(new InMemoryKeyRepository(),
                TencentApiConfig.defaults(Region.of("ap-guangzhou")), outcome -> {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    reported.add(outcome);
                })) {
            slow.signer().post("DescribeKey", "{\"KeyId\":\"" + UUID.randomUUID() + "\"}");
            assertThat(reported).as("an action's answer").hasSize(1);
            slow.signer().post("DescribeKey", "{}");
            assertThat(reported).as("a request refused before its action").hasSize(2);
            RawHttp.send(slow.port(), "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(reported).as("another path").hasSize(3);
            RawHttp.send(slow.port(), "GET /?" + "x".repeat(70 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(reported).as("a request the HTTP decoder refuses").hasSize(4);
        }
    }
}
