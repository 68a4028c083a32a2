package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tencent's Node SDK signs {@code host:<hostname>} and sends {@code Host: <hostname>:<port>}: a TC3 signature
 * verifies against the Host as received or without its port, and against nothing else (issue 10, point 7).
 */
class PortlessHostSignatureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TencentServer server;
    private static TestSigner signer;

    @BeforeAll
    static void start() throws Exception {
        server = new TencentServer();
        signer = server.signer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String errorCode(TestSigner.Tc3Post post) throws Exception {
        return JSON.readTree(signer.send(signer.sign(post)).body()).path("Response").path("Error").path("Code")
                .asText();
    }

    @Test
    void aSignatureOverTheHostWithoutItsPortIsAccepted() throws Exception {
        TestSigner.Tc3Post post = signer.tc3("ListKeys", "{}");
        post.signedHost = "127.0.0.1";
        assertThat(errorCode(post)).isEmpty();
    }

    @Test
    void anyOtherHostIsRefused() throws Exception {
        for (String host : new String[] {"127.0.0.2", "127.0.0.1:1", "127.0.0.1:" + server.port() + "0", "localhost",
                "127.0.0.1:", "", "127.0.0"}) {
            TestSigner.Tc3Post post = signer.tc3("ListKeys", "{}");
            post.signedHost = host;
            assertThat(errorCode(post)).as(host).isEqualTo("AuthFailure.SignatureFailure");
        }
    }

    @Test
    void onlyAPortIsTakenOffAndOnlyOne() throws Exception {
        // Host: 127.0.0.1:<port>:7 is not a host and a port; signing "127.0.0.1:<port>" must not match it
        TestSigner.Tc3Post post = signer.sign(signer.tc3("ListKeys", "{}"));
        String raw = signer.raw(post).replace("Host: 127.0.0.1:" + server.port() + "\r\n",
                "Host: 127.0.0.1:" + server.port() + ":7\r\n");
        // (Vert.x itself refuses such a Host, as HTTP 400 which the API answers InvalidParameter;
        // TencentAuthenticatorFuzzTest checks the TencentAuthenticator on its own)
        assertThat(RawHttp.send(server.port(), raw).errorCode()).isIn("AuthFailure.SignatureFailure",
                "InvalidParameter");
    }
}
