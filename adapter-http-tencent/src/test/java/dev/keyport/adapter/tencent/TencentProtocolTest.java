package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.createExternalKey;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DeleteImportedKeyMaterialRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three ways to send and sign a request, tampering with each, and the protocol's common errors. */
class TencentProtocolTest {

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

    private static String enabledExternalKey() throws Exception {
        return TencentSdkLifecycleTest.enabledExternalKey(kms, "p-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static JsonNode response(HttpResponse<String> http) throws Exception {
        assertThat(http.statusCode()).as("always HTTP 200").isEqualTo(200);
        JsonNode body = JSON.readTree(http.body()).get("Response");
        assertThat(body).as(http.body()).isNotNull();
        assertThat(body.path("RequestId").asText()).isNotEmpty();
        return body;
    }

    private static String errorCode(HttpResponse<String> http) throws Exception {
        return response(http).path("Error").path("Code").asText();
    }

    private static KmsClient clientWith(String signMethod, String httpMethod) {
        ClientProfile profile = new ClientProfile();
        profile.setSignMethod(signMethod);
        HttpProfile http = new HttpProfile();
        http.setReqMethod(httpMethod);
        profile.setHttpProfile(http);
        return server.client(TencentServer.SECRET_ID, TencentServer.SECRET_KEY, "ap-guangzhou", profile);
    }

    // ---------------------------------------------------------------------------------------------- the three ways

    @Test
    void theSdkSignsWithV1OverGetAndOverAFormPostAndWithTc3OverGet() throws Exception {
        for (String[] way : new String[][] {{"HmacSHA256", "GET"}, {"HmacSHA1", "GET"}, {"HmacSHA256", "POST"},
                {"HmacSHA1", "POST"}, {"TC3-HMAC-SHA256", "GET"}}) {
            KmsClient client = clientWith(way[0], way[1]);
            String keyId = enabledExternalKey();
            DeleteImportedKeyMaterialRequest delete = new DeleteImportedKeyMaterialRequest();
            delete.setKeyId(keyId);
            assertThat(client.DeleteImportedKeyMaterial(delete).getRequestId()).as(String.join(" ", way))
                    .isNotEmpty();
            assertThat(describe(client, keyId).getKeyState()).isEqualTo("PendingImport");
            // arrays travel flattened (KeyIds.0=…) in these forms
            DescribeKeysRequest describeKeys = new DescribeKeysRequest();
            describeKeys.setKeyIds(new String[] {keyId});
            assertThat(client.DescribeKeys(describeKeys).getKeyMetadatas()).hasSize(1);
        }
    }

    @Test
    void theSeedsOwnExampleAV1SignedGetDeletesTheMaterial() throws Exception {
        String keyId = enabledExternalKey();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "DeleteImportedKeyMaterial");
        params.put("KeyId", keyId);
        JsonNode body = response(signer.get(signer.v1Query("GET", "HmacSHA1", params)));
        assertThat(body.has("Error")).as(body.toString()).isFalse();
        assertThat(body.size()).as("only the RequestId").isEqualTo(1);
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("PendingImport");
    }

    // ---------------------------------------------------------------------------------------------- tampering

    @Test
    void aSignedRequestIsAcceptedAsIs() throws Exception {
        assertThat(response(signer.post("ListKeys", "{}")).has("TotalCount")).isTrue();
    }

    @Test
    void aBodyChangedAfterSigningIsRejected() throws Exception {
        TestSigner.Tc3Post post = signer.sign(signer.tc3("ListKeys", "{\"Limit\":10}"));
        post.body = "{\"Limit\":20}";
        assertThat(errorCode(signer.send(post))).isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void aSignedHeaderChangedAfterSigningIsRejected() throws Exception {
        TestSigner.Tc3Post post = signer.tc3("ListKeys", "{}");
        post.signedHeaders = "content-type;host;x-tc-action";
        signer.sign(post);
        post.action = "DescribeKeys";
        assertThat(errorCode(signer.send(post))).isEqualTo("AuthFailure.SignatureFailure");

        TestSigner.Tc3Post typed = signer.sign(signer.tc3("ListKeys", "{}"));
        typed.contentType = "application/json";
        assertThat(errorCode(signer.send(typed))).isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void aQueryChangedAfterSigningIsRejected() throws Exception {
        String keyId = enabledExternalKey();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "DeleteImportedKeyMaterial");
        params.put("KeyId", keyId);
        String query = signer.v1Query("GET", "HmacSHA256", params);
        String other = UUID.randomUUID().toString();
        assertThat(errorCode(signer.get(query.replace(keyId, other)))).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(errorCode(signer.get(query + "&Limit=5"))).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Enabled");
    }

    @Test
    void aFormBodyChangedAfterSigningIsRejected() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "ListKeys");
        params.put("Limit", "10");
        String form = signer.v1Query("POST", "HmacSHA256", params);
        assertThat(response(signer.postForm(form)).has("TotalCount")).isTrue();
        assertThat(errorCode(signer.postForm(form.replace("Limit=10", "Limit=11"))))
                .isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void aTimestampChangedAfterSigningOrOlderThanFiveMinutesIsRejected() throws Exception {
        TestSigner.Tc3Post moved = signer.sign(signer.tc3("ListKeys", "{}"));
        moved.timestamp -= 1;
        assertThat(errorCode(signer.send(moved))).isEqualTo("AuthFailure.SignatureFailure");

        TestSigner.Tc3Post old = signer.tc3("ListKeys", "{}");
        old.timestamp = Instant.now().getEpochSecond() - 301;
        assertThat(errorCode(signer.send(signer.sign(old)))).isEqualTo("AuthFailure.SignatureExpire");
        TestSigner.Tc3Post future = signer.tc3("ListKeys", "{}");
        future.timestamp = Instant.now().getEpochSecond() + 301;
        assertThat(errorCode(signer.send(signer.sign(future)))).isEqualTo("AuthFailure.SignatureExpire");

        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "ListKeys");
        params.put("Timestamp", Long.toString(Instant.now().getEpochSecond() - 600));
        assertThat(errorCode(signer.get(signer.v1Query("GET", "HmacSHA256", params))))
                .isEqualTo("AuthFailure.SignatureExpire");
    }

    @Test
    void theServiceInTheScopeIsTheOneTheClientSignedWith() throws Exception {
        TestSigner.Tc3Post post = signer.tc3("ListKeys", "{}");
        post.service = "127"; // what the Java SDK signs when pointed at 127.0.0.1
        assertThat(response(signer.send(signer.sign(post))).has("Error")).isFalse();
    }

    @Test
    void unknownSecretIdsAndMalformedAuthorizationsAreRejected() throws Exception {
        TestSigner stranger = new TestSigner("AKIDnobody", "whatever", server.port());
        assertThat(errorCode(stranger.post("ListKeys", "{}"))).isEqualTo("AuthFailure.SecretIdNotFound");

        TestSigner.Tc3Post post = signer.sign(signer.tc3("ListKeys", "{}"));
        post.authorization = "Bearer something";
        assertThat(errorCode(signer.send(post))).isEqualTo("AuthFailure.InvalidAuthorization");
        TestSigner.Tc3Post wrongKey = new TestSigner(TencentServer.SECRET_ID, "not-the-key", server.port())
                .sign(new TestSigner(TencentServer.SECRET_ID, "not-the-key", server.port()).tc3("ListKeys", "{}"));
        assertThat(errorCode(signer.send(wrongKey))).isEqualTo("AuthFailure.SignatureFailure");

        HttpResponse<String> unsigned = TestSigner.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/?Action=ListKeys&Version=2019-01-18"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(errorCode(unsigned)).isEqualTo("AuthFailure.InvalidAuthorization");
    }

    // ---------------------------------------------------------------------------------------------- common errors

    @Test
    void commonErrors() throws Exception {
        assertThat(errorCode(signer.post("RotateEverything", "{}"))).isEqualTo("InvalidAction");
        TestSigner.Tc3Post versioned = signer.tc3("ListKeys", "{}");
        versioned.version = "2017-03-12";
        assertThat(errorCode(signer.send(signer.sign(versioned)))).isEqualTo("NoSuchVersion");
        assertThat(errorCode(signer.post("DescribeKey", "{}"))).isEqualTo("MissingParameter");
        assertThat(errorCode(signer.post("ListKeys", "{\"Colour\":\"blue\"}"))).isEqualTo("UnknownParameter");
        assertThat(errorCode(signer.post("ListKeys", "{\"Limit\":\"ten\"}"))).isEqualTo("InvalidParameter");
        assertThat(errorCode(signer.post("ListKeys", "{\"Limit\":500}"))).isEqualTo("InvalidParameter");
        assertThat(errorCode(signer.post("ListKeys", "[1,2]"))).isEqualTo("InvalidParameter");
        assertThat(errorCode(signer.post("ListKeys", "{not json"))).isEqualTo("InvalidParameter");
        assertThat(errorCode(signer.post("DescribeKey", "{\"KeyId\":\"nope\"}")))
                .isEqualTo("InvalidParameterValue.InvalidKeyId");
        assertThat(errorCode(TestSigner.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())))
                .isEqualTo("UnsupportedProtocol");
        TestSigner.Tc3Post region = signer.tc3("ListKeys", "{}");
        region.region = "Not A Region";
        assertThat(errorCode(signer.send(signer.sign(region)))).isEqualTo("UnsupportedRegion");
    }

    @Test
    void numbersMayArriveAsNumericStringsAsTheVendorsOwnExamplesSendThem() throws Exception {
        String keyId = createExternalKey(kms, "s-" + UUID.randomUUID().toString().substring(0, 8));
        JsonNode scheduled = response(signer.post("ScheduleKeyDeletion",
                "{\"KeyId\":\"" + keyId + "\",\"PendingWindowInDays\":\"7\"}"));
        assertThat(scheduled.path("DeletionDate").isNumber()).as(scheduled.toString()).isTrue();
        assertThat(response(signer.post("ListKeyDetail", "{\"Offset\":\"0\",\"Limit\":\"5\",\"KeyState\":\"3\"}"))
                .path("TotalCount").asLong()).isPositive();
    }

    @Test
    void requestsOverTheSizeLimitsAreRefused() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "ListKeys");
        params.put("Padding", "x".repeat(33 * 1024));
        assertThat(errorCode(signer.get(signer.v1Query("GET", "HmacSHA256", params))))
                .isEqualTo("RequestSizeLimitExceeded");
        assertThat(errorCode(signer.postForm(signer.v1Query("POST", "HmacSHA256", params)
                + "&More=" + "y".repeat(1024 * 1024)))).isEqualTo("RequestSizeLimitExceeded");
        assertThat(errorCode(signer.post("Encrypt", "{\"Plaintext\":\"" + "A".repeat(10 * 1024 * 1024) + "\"}")))
                .isEqualTo("RequestSizeLimitExceeded");
    }

    @Test
    void aRegionScopesTheKeysAndARequestWithoutOneUsesTheDefault() throws Exception {
        String keyId = createExternalKey(kms, "r-" + UUID.randomUUID().toString().substring(0, 8));
        TestSigner.Tc3Post noRegion = signer.tc3("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}");
        noRegion.region = null;
        assertThat(response(signer.send(signer.sign(noRegion))).path("KeyMetadata").path("KeyId").asText())
                .isEqualTo(keyId);
        TestSigner.Tc3Post elsewhere = signer.tc3("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}");
        elsewhere.region = "ap-beijing";
        assertThat(errorCode(signer.send(signer.sign(elsewhere)))).isEqualTo("ResourceUnavailable.CmkNotFound");
    }

    @Test
    void listKeyDetailFiltersByOriginCaseSensitively() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias("o-" + UUID.randomUUID().toString().substring(0, 8));
        kms.CreateKey(create);
        ListKeyDetailRequest external = new ListKeyDetailRequest();
        external.setOrigin("EXTERNAL");
        external.setLimit(200L);
        assertThat(kms.ListKeyDetail(external).getKeyMetadatas()).allSatisfy(
                m -> assertThat(m.getOrigin()).isEqualTo("EXTERNAL"));
        ListKeyDetailRequest generated = new ListKeyDetailRequest();
        generated.setOrigin("TENCENT_KMS");
        generated.setLimit(200L);
        assertThat(kms.ListKeyDetail(generated).getKeyMetadatas()).isNotEmpty().allSatisfy(
                m -> assertThat(m.getOrigin()).isEqualTo("TENCENT_KMS"));
        assertThat(errorCode(signer.post("ListKeyDetail", "{\"Origin\":\"external\"}"))).isEqualTo("InvalidParameter");
    }
}
