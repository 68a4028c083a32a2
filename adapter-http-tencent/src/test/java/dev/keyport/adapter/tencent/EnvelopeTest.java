package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.domain.Region;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the Tencent listener is HTTP 200 with the {@code {"Response":{"Error":…,"RequestId"}}} envelope,
 * also where the request never reaches an action: another path, bytes the HTTP decoder refuses, a server that is
 * stopping (issue 10, point 5). The SDKs turn any other status into "ServerSideError" and lose the code.
 */
class EnvelopeTest {

    private static TencentServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TencentServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response send(String request) throws Exception {
        RawHttp.Response response;
        try {
            response = RawHttp.send(server.port(), request);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " for " + request.substring(0, Math.min(200, request.length())));
        }
        assertThat(response.status()).as(response.head() + "\n" + response.body()).isEqualTo(200);
        assertThat(response.head().toLowerCase()).contains("content-type: application/json");
        return response;
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n";
    }

    @Test
    void anyPathButTheRootIsRefusedInTheEnvelope() throws Exception {
        for (String target : new String[] {"/foo", "/v1.0/0a1b/kms/create-key", "//", "/./", "/a/../", "/%2e/",
                "/%zz", "/%", "/?Action=ListKeys/../..", "*"}) {
            String expected = target.startsWith("/?") ? "AuthFailure.InvalidAuthorization" : "UnsupportedProtocol";
            assertThat(send(get(target)).errorCode()).as(target).isEqualTo(expected);
        }
        assertThat(send("POST /foo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}").errorCode()).isEqualTo("UnsupportedProtocol");
        assertThat(send("DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").errorCode())
                .isEqualTo("UnsupportedProtocol");
    }

    @Test
    void anOversizedRequestLineOrHeaderIsRequestSizeLimitExceeded() throws Exception {
        assertThat(send(get("/?Padding=" + "x".repeat(70 * 1024))).errorCode()).isEqualTo("RequestSizeLimitExceeded");
        assertThat(send("GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + "y".repeat(9 * 1024)
                + "\r\nConnection: close\r\n\r\n").errorCode()).isEqualTo("RequestSizeLimitExceeded");
    }

    /**
     * (A request line naming an HTTP version other than 1.0 and 1.1 is answered 501 by Vert.x, and a body whose
     * chunked framing is broken closes the connection, both before Keyport sees the request.)
     */
    @Test
    void bytesThatAreNotHttpAreUnsupportedProtocol() throws Exception {
        for (String garbage : new String[] {"\u0001\u0002\u0003 nonsense\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nNo colon in this header\r\nConnection: close\r\n\r\n"}) {
            assertThat(send(garbage).errorCode()).as(garbage).isIn("UnsupportedProtocol", "InvalidParameter");
        }
    }

    @Test
    void aStoppingServerAnswersTheTransientErrorInTheEnvelope() throws Exception {
        TencentApi api = new TencentApi(dev.keyport.application.port.in.Keyport.builder().clock(java.time.Clock.systemUTC())
                .build(), TencentServer.credentials(), java.time.Clock.systemUTC(),
                TencentApiConfig.defaults(Region.of("ap-guangzhou")), new SupportGuards(System::nanoTime));
        HttpServer draining = server.vertx.createHttpServer(TencentApi.serverOptions("127.0.0.1", 0))
                .requestHandler(api.unavailableHandler()).listen().toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        try {
            RawHttp.Response response = RawHttp.send(draining.actualPort(), "POST / HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.errorCode()).isEqualTo("UnsupportedOperation.ServiceTemporaryUnavailable");
            assertThat(response.head().toLowerCase()).contains("connection: close");
        } finally {
            draining.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
