package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signatures, projects, the gateway's and KMS's error shapes, limits, and X-Request-Id on every response. */
class HuaweiProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HuaweiServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new HuaweiServer(new dev.keyport.application.inmemory.InMemoryKeyRepository(),
                new HuaweiApiConfig(1000, Map.of("list-keys", 2)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> signedPost(HuaweiServer server, String operation, String body) throws Exception {
        return HuaweiSigner.send(server.port(), HuaweiSigner.sign(HuaweiSigner.post(server.port(),
                HuaweiServer.PROJECT, operation, body), HuaweiServer.AK, HuaweiServer.SK));
    }

    private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        return JSON.readTree(response.body());
    }

    private static String kmsCode(HttpResponse<String> response, int status) throws Exception {
        return error(response, status).path("error").path("error_code").asText();
    }

    private static String gatewayCode(HttpResponse<String> response, int status) throws Exception {
        JsonNode body = error(response, status);
        assertThat(body.path("request_id").asText()).isNotEmpty();
        return body.path("error_code").asText();
    }

    @Test
    void aSignedRequestIsAcceptedAndCarriesARequestId() throws Exception {
        HttpResponse<String> response = signedPost(server, "list-keys", "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void aWrongSignatureOrATamperedBodyIs401() throws Exception {
        HuaweiSigner.Post wrongKey = HuaweiSigner.sign(HuaweiSigner.post(server.port(), HuaweiServer.PROJECT,
                "describe-key", "{}"), HuaweiServer.AK, "not-the-secret");
        assertThat(gatewayCode(HuaweiSigner.send(server.port(), wrongKey), 401)).isEqualTo("APIGW.0301");
        HuaweiSigner.Post tampered = HuaweiSigner.sign(HuaweiSigner.post(server.port(), HuaweiServer.PROJECT,
                "create-key", "{\"key_alias\":\"a\"}"), HuaweiServer.AK, HuaweiServer.SK);
        tampered.body = "{\"key_alias\":\"b\"}";
        assertThat(gatewayCode(HuaweiSigner.send(server.port(), tampered), 401)).isEqualTo("APIGW.0301");
        HuaweiSigner.Post old = HuaweiSigner.post(server.port(), HuaweiServer.PROJECT, "list-keys", "{}");
        old.headers.put("x-sdk-date", HuaweiSigner.SDK_DATE.format(Instant.now().minusSeconds(16 * 60)));
        assertThat(gatewayCode(HuaweiSigner.send(server.port(), HuaweiSigner.sign(old, HuaweiServer.AK,
                HuaweiServer.SK)), 401)).isEqualTo("APIGW.0301");
        HuaweiSigner.Post unknown = HuaweiSigner.sign(HuaweiSigner.post(server.port(), HuaweiServer.PROJECT,
                "list-keys", "{}"), "NOSUCHAK", HuaweiServer.SK);
        assertThat(gatewayCode(HuaweiSigner.send(server.port(), unknown), 401)).isEqualTo("APIGW.0301");
        HuaweiSigner.Post unsigned = HuaweiSigner.post(server.port(), HuaweiServer.PROJECT, "list-keys", "{}");
        assertThat(gatewayCode(HuaweiSigner.send(server.port(), unsigned), 401)).isEqualTo("APIGW.0301");
    }

    @Test
    void aForeignProjectOrAMismatchedProjectHeaderIsRefused() throws Exception {
        HuaweiSigner.Post foreign = HuaweiSigner.sign(HuaweiSigner.post(server.port(), HuaweiServer.OTHER_PROJECT,
                "list-keys", "{}"), HuaweiServer.AK, HuaweiServer.SK);
        assertThat(kmsCode(HuaweiSigner.send(server.port(), foreign), 403)).isEqualTo("KMS.0306");
        HuaweiSigner.Post mismatch = HuaweiSigner.post(server.port(), HuaweiServer.PROJECT, "list-keys", "{}");
        mismatch.headers.put("x-project-id", HuaweiServer.SECOND_PROJECT);
        assertThat(kmsCode(HuaweiSigner.send(server.port(), HuaweiSigner.sign(mismatch, HuaweiServer.AK,
                HuaweiServer.SK)), 403)).isEqualTo("KMS.0321");
    }

    @Test
    void kmsSyntaxErrors() throws Exception {
        assertThat(kmsCode(signedPost(server, "describe-key", "{not json"), 400)).isEqualTo("KMS.0202");
        assertThat(kmsCode(signedPost(server, "describe-key", "[]"), 400)).isEqualTo("KMS.0202");
        assertThat(kmsCode(signedPost(server, "describe-key", "{}"), 400)).isEqualTo("KMS.0204");
        assertThat(kmsCode(signedPost(server, "describe-key", "{\"key_id\":\"alias/nope\"}"), 400))
                .isEqualTo("KMS.0205");
        assertThat(kmsCode(signedPost(server, "describe-key", "{\"key_id\":\"" + UUID.randomUUID()
                + "\",\"sequence\":\"123\"}"), 400)).isEqualTo("KMS.0206");
        assertThat(kmsCode(signedPost(server, "describe-key", "{\"key_id\":\"" + UUID.randomUUID() + "\"}"), 404))
                .isEqualTo("KMS.0207");
        assertThat(kmsCode(signedPost(server, "describe-key", "{\"key_id\":{\"a\":1}}"), 400)).isEqualTo("KMS.0308");
        assertThat(kmsCode(signedPost(server, "create-key", "{\"key_alias\":\"" + "x".repeat(1024 * 1024) + "\"}"),
                400)).isEqualTo("KMS.0203");
    }

    @Test
    void anUnknownOperationIs404AndAnotherMethodIs405() throws Exception {
        assertThat(gatewayCode(signedPost(server, "rotate-everything", "{}"), 404)).isEqualTo("APIGW.0101");
        HttpResponse<String> get = HuaweiSigner.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/v1.0/" + HuaweiServer.PROJECT + "/kms/describe-key")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(kmsCode(get, 405)).isEqualTo("KMS.0215");
        HttpResponse<String> elsewhere = HuaweiSigner.HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.port() + "/v2/whatever")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gatewayCode(elsewhere, 404)).isEqualTo("APIGW.0101");
    }

    @Test
    void throttlingIs429FromTheGateway() throws Exception {
        Thread.sleep(1100);
        signedPost(server, "list-keys", "{}");
        signedPost(server, "list-keys", "{}");
        assertThat(gatewayCode(signedPost(server, "list-keys", "{}"), 429)).isEqualTo("APIGW.0308");
        assertThat(signedPost(server, "describe-key", "{\"key_id\":\"" + UUID.randomUUID() + "\"}").statusCode())
                .as("other operations are not limited by it").isEqualTo(404);
    }
}
