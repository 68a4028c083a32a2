package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequest;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequestBody;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer is in Huawei's error shape with an {@code X-Request-Id}: the gateway's flat form with a
 * {@code request_id} for what the gateway refuses (unknown APIs, malformed or oversized requests, authentication),
 * KMS's nested form for what KMS refuses — also for what the HTTP decoder refuses before any route, and while the
 * server stops.
 */
class HuaweiErrorShapeTest {

    private static HuaweiServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new HuaweiServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode gateway(RawHttp.Response response, int status, String code) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        JsonNode body = response.json();
        assertThat(body.path("error_code").asText()).isEqualTo(code);
        assertThat(body.path("error_msg").asText()).isNotBlank();
        assertThat(body.path("request_id").asText()).isNotEmpty().isEqualTo(response.header("X-Request-Id"));
        return body;
    }

    private static JsonNode kms(RawHttp.Response response, int status, String code) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.header("X-Request-Id")).isNotEmpty();
        JsonNode error = response.json().path("error");
        assertThat(error.path("error_code").asText()).isEqualTo(code);
        assertThat(error.path("error_msg").asText()).isNotBlank();
        return error;
    }

    private static RawHttp.Response send(String request) throws Exception {
        return RawHttp.send(server.port(), request);
    }

    @Test
    void anOversizedRequestLineIs414() throws Exception {
        gateway(send("POST /v1.0/" + HuaweiServer.PROJECT + "/kms/" + "a".repeat(5000)
                + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"), 414, "APIGW.0201");
    }

    @Test
    void oversizedHeadersAre431() throws Exception {
        gateway(send("POST /v1.0/p/kms/list-keys HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000)
                + "\r\nContent-Length: 0\r\n\r\n"), 431, "APIGW.0201");
        StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 400; i++) {
            many.append("X-H").append(i).append(": ").append("v".repeat(20)).append("\r\n");
        }
        gateway(send(many + "\r\n"), 431, "APIGW.0201");
    }

    @Test
    void whatIsNotHttpIs400() throws Exception {
        for (String request : List.of("GARBAGE\r\n\r\n", "POST /v1.0/p/kms/list-keys HTTP/1.1\r\nNoColonHere\r\n\r\n",
                "POST /v1.0/p/kms/list-keys HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                "POST /v1.0/p/kms/list-keys HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
                "POST /v1.0/p/kms/list-keys HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n",
                "POST /v1.0/p/kms/list-keys HTTP/1.1\r\nBad Name: x\r\n\r\n")) {
            gateway(send(request), 400, "APIGW.0201");
        }
    }

    /** The decoder fails the connection under way: Keyport answers 400 when it still can, and logs no error. */
    @Test
    void aBrokenChunkedBodyIsTheClientsMistake() throws Exception {
        try (LogCapture log = new LogCapture()) {
            RawHttp.Response response;
            try {
                response = send("POST /v1.0/" + HuaweiServer.PROJECT + "/kms/list-keys HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
            } catch (java.io.IOException closed) {
                response = null; // the connection was closed without an answer
            }
            if (response != null) {
                gateway(response, 400, "APIGW.0201");
            }
            // one more round trip through the server's event loop, which handled the broken request before it
            assertThat(HuaweiProtocolTest.signedPost(server, "list-keys", "{}").statusCode()).isEqualTo(200);
            assertThat(log.errorsAndStackTraces()).isEmpty();
        }
    }

    @Test
    void unknownMalformedAndUnsignedRequestsAnswerInTheGatewaysShape() throws Exception {
        gateway(send("GET /nothing/here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404, "APIGW.0101");
        gateway(send("POST //v1.0//kms HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), 404,
                "APIGW.0101");
        gateway(send("POST /v1.0/%zz/kms/list-keys HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n"), 400, "APIGW.0201");
        gateway(send("POST /%E0%A4%A HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), 400,
                "APIGW.0201");
        gateway(send("POST /v1.0/" + HuaweiServer.PROJECT + "/kms/list-keys HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}"), 401, "APIGW.0301");
        gateway(send("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404, "APIGW.0101");
        gateway(send("GET http://127.0.0.1/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404,
                "APIGW.0101");
    }

    @Test
    void kmsRefusalsAnswerInKmsShape() throws Exception {
        kms(send("GET /v1.0/" + HuaweiServer.PROJECT + "/kms/describe-key HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n"), 405, "KMS.0215");
        byte[] big = new byte[HuaweiApi.BODY_LIMIT + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        kms(RawHttp.send(server.port(), RawHttp.post("/v1.0/" + HuaweiServer.PROJECT + "/kms/list-keys",
                List.of("Host: x"), big)), 400, "KMS.0203");
    }

    @Test
    void aStoppingServerAnswersHuaweisTransientError() throws Exception {
        HttpServer stopping = server.vertx.createHttpServer(HuaweiApi.serverOptions("127.0.0.1", 0))
                .requestHandler(server.api.unavailableHandler()).listen().toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        try {
            RawHttp.Response response = RawHttp.send(stopping.actualPort(), RawHttp.post("/v1.0/"
                    + HuaweiServer.PROJECT + "/kms/list-keys", List.of("Host: x"), "{}".getBytes(
                    StandardCharsets.UTF_8)));
            kms(response, 503, "KMS.0104");
            assertThat(response.header("Connection")).isEqualTo("close");
            var sdk = com.huaweicloud.sdk.kms.v2.KmsClient.newBuilder().withCredential(
                    new com.huaweicloud.sdk.core.auth.BasicCredentials().withAk(HuaweiServer.AK)
                            .withSk(HuaweiServer.SK).withProjectId(HuaweiServer.PROJECT))
                    .withEndpoints(List.of("http://127.0.0.1:" + stopping.actualPort())).build();
            try {
                sdk.listKeys(new ListKeysRequest().withBody(new ListKeysRequestBody()));
                throw new AssertionError("a stopping server answered");
            } catch (ServiceResponseException e) {
                assertThat(e.getHttpStatusCode()).isEqualTo(503);
                assertThat(e.getErrorCode()).isEqualTo("KMS.0104");
                assertThat(e.getRequestId()).isNotEmpty();
            }
        } finally {
            stopping.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDecodersRefusalsAreReportedToTheObserver() throws Exception {
        int before = server.outcomes.size();
        send("GARBAGE\r\n\r\n");
        assertThat(server.outcomes.subList(before, server.outcomes.size()))
                .extracting(HuaweiApi.RequestOutcome::operation, HuaweiApi.RequestOutcome::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unknown", 400));
    }
}
