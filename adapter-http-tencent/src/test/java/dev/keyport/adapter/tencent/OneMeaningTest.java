package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.describe;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.enabledExternalKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One request has one meaning: whatever a proxy, a log or an audit reads in a request is what Keyport acts on, and
 * every byte that decides it is signed or refused (issue 10, point 3).
 */
class OneMeaningTest {

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

    private static String alias() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String enabledKey() throws Exception {
        return enabledExternalKey(kms, alias());
    }

    private static String disabledKey() throws Exception {
        String keyId = enabledKey();
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        kms.DisableKey(disable);
        return keyId;
    }

    // ------------------------------------------------------------------------------------------- JSON bodies

    @Test
    void aJsonFieldNamedTwiceIsRefusedAndNeitherKeyChanges() throws Exception {
        String seen = disabledKey();
        String hidden = disabledKey();
        assertThat(TestSigner.errorCode(signer.post("EnableKey", "{\"KeyId\":\"" + seen + "\",\"KeyId\":\"" + hidden + "\"}")))
                .isEqualTo("InvalidParameter");
        assertThat(describe(kms, seen).getKeyState()).isEqualTo("Disabled");
        assertThat(describe(kms, hidden).getKeyState()).isEqualTo("Disabled");
    }

    @Test
    void aFieldNamedTwiceDeeperInTheBodyOrInsideAnEncryptionContextIsRefused() throws Exception {
        assertThat(TestSigner.errorCode(signer.post("CreateKey", "{\"Alias\":\"" + alias()
                + "\",\"Tags\":[{\"TagKey\":\"a\",\"TagKey\":\"b\",\"TagValue\":\"c\"}]}")))
                .isEqualTo("InvalidParameter");
        String keyId = enabledKey();
        assertThat(TestSigner.errorCode(signer.post("Encrypt", "{\"KeyId\":\"" + keyId
                + "\",\"Plaintext\":\"aGk=\",\"EncryptionContext\":\"{\\\"a\\\":\\\"1\\\",\\\"a\\\":\\\"2\\\"}\"}")))
                .isEqualTo("InvalidParameter");
    }

    @Test
    void aBodyInUtf16OrWithAByteOrderMarkIsRefused() throws Exception {
        String keyId = disabledKey();
        String json = "{\"KeyId\":\"" + keyId + "\"}";
        for (byte[] body : new byte[][] {json.getBytes(StandardCharsets.UTF_16LE), json.getBytes(StandardCharsets.UTF_16),
                json.getBytes(java.nio.charset.Charset.forName("UTF-32")),
                ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8)}) {
            assertThat(RawHttp.send(server.port(), signedWithBody(signer.tc3("EnableKey", ""), body)).errorCode())
                    .as("signed over exactly its bytes").isEqualTo("InvalidParameter");
        }
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Disabled");
    }

    private static byte[] signedWithBody(TestSigner.Tc3Post post, byte[] body) {
        return signer.rawWithBody(post, body);
    }

    @Test
    void onlyTheTwoMediaTypesOfTheApiAndUtf8AreAccepted() throws Exception {
        for (String type : new String[] {"application/jsonp", "application/json-patch+json", "text/plain",
                "application/x-www-form-urlencodedx"}) {
            TestSigner.Tc3Post post = signer.tc3("ListKeys", "{}");
            post.contentType = type;
            assertThat(TestSigner.errorCode(signer.send(signer.sign(post)))).as(type).isEqualTo("UnsupportedProtocol");
        }
        TestSigner.Tc3Post latin = signer.tc3("ListKeys", "{}");
        latin.contentType = "application/json; charset=iso-8859-1";
        assertThat(TestSigner.errorCode(signer.send(signer.sign(latin)))).isEqualTo("UnsupportedProtocol");
        TestSigner.Tc3Post upper = signer.tc3("ListKeys", "{}");
        upper.contentType = "Application/JSON; Charset=UTF-8";
        assertThat(TestSigner.errorCode(signer.send(signer.sign(upper)))).as("media types are case-insensitive").isEmpty();
    }

    // ------------------------------------------------------------------------------------------- parameters

    @Test
    void aQueryParameterGivenTwiceIsRefused() throws Exception {
        String seen = disabledKey();
        String hidden = disabledKey();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "EnableKey");
        params.put("KeyId", seen);
        String query = signer.v1Query("GET", "HmacSHA256", params) + "&KeyId=" + hidden;
        assertThat(TestSigner.errorCode(signer.get(query))).isEqualTo("InvalidParameter");
        assertThat(TestSigner.errorCode(signer.postForm(signer.v1Query("POST", "HmacSHA256", params) + "&KeyId=" + hidden)))
                .isEqualTo("InvalidParameter");
        assertThat(describe(kms, seen).getKeyState()).isEqualTo("Disabled");
        assertThat(describe(kms, hidden).getKeyState()).isEqualTo("Disabled");
    }

    @Test
    void aSemicolonIsPartOfAValueNotASeparator() throws Exception {
        String keyId = disabledKey();
        Map<String, String> params = signer.v1Common("EnableKey", "HmacSHA256");
        // signed as two parameters the way a decoder that splits at ';' reads them
        params.put("KeyId", keyId);
        String query = signer.v1QueryAsIs("GET", "HmacSHA256", params).replace("&KeyId=", ";KeyId=");
        assertThat(TestSigner.errorCode(signer.get(query))).isNotEmpty();
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Disabled");
    }

    @Test
    void aParameterWithoutANameOrNamedDotOrWithAnEmptyOrNonCanonicalPartIsAParameterError() throws Exception {
        for (String name : new String[] {"", ".", "..", "KeyIds.", ".KeyIds", "KeyIds..0", "KeyIds.00", "KeyIds.01",
                "KeyIds.99999", "a.b.c.d.e.f.g"}) {
            Map<String, String> params = signer.v1Common("DescribeKeys", "HmacSHA256");
            params.put(name, "x");
            assertThat(TestSigner.errorCode(signer.get(signer.v1QueryAsIs("GET", "HmacSHA256", params)))).as(name)
                    .isEqualTo("InvalidParameter");
        }
        Map<String, String> signedWithout = signer.v1Common("DescribeKeys", "HmacSHA256");
        signedWithout.put("KeyIds.0", UUID.randomUUID().toString());
        assertThat(TestSigner.errorCode(signer.get(signer.v1QueryAsIs("GET", "HmacSHA256", signedWithout) + "&=x")))
                .as("a nameless parameter, which a decoder that drops it would leave out of the signature")
                .isEqualTo("InvalidParameter");
        Map<String, String> sparse = signer.v1Common("DescribeKeys", "HmacSHA256");
        sparse.put("KeyIds.1", UUID.randomUUID().toString());
        assertThat(TestSigner.errorCode(signer.get(signer.v1QueryAsIs("GET", "HmacSHA256", sparse)))).as("an array with a gap")
                .isEqualTo("InvalidParameter");
    }

    @Test
    void twoParameterNamesThatSignAlikeAreRefused() throws Exception {
        String seen = disabledKey();
        String hidden = disabledKey();
        Map<String, String> params = signer.v1Common("EnableKey", "HmacSHA256");
        params.put("KeyId", seen);
        // the SDKs sign a '_' in a name as '.': KeyId_ and KeyId. would sign alike; so would KeyIds_0 and KeyIds.0
        Map<String, String> listed = signer.v1Common("DescribeKeys", "HmacSHA256");
        listed.put("KeyIds.0", seen);
        String query = "KeyIds_0=" + hidden + "&" + signer.v1QueryAsIs("GET", "HmacSHA256", listed);
        assertThat(TestSigner.errorCode(signer.get(query))).as("a parameter outside the signature").isEqualTo("InvalidParameter");
    }

    @Test
    void aPercentEscapeThatIsNotUtf8IsAParameterError() throws Exception {
        Map<String, String> params = signer.v1Common("ListKeys", "HmacSHA256");
        String query = signer.v1QueryAsIs("GET", "HmacSHA256", params);
        for (String bad : new String[] {"&Padding=%zz", "&Padding=%", "&Padding=%C3", "&Padding=%FF"}) {
            assertThat(rawGet(query + bad).errorCode()).as(bad).isEqualTo("InvalidParameter");
        }
    }

    /** A GET with the query exactly as given, which java.net.URI would refuse. */
    static RawHttp.Response rawGet(String query) throws Exception {
        return rawGet(server, query);
    }

    static RawHttp.Response rawGet(TencentServer server, String query) throws Exception {
        return RawHttp.send(server.port(), "GET /?" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nConnection: close\r\n\r\n");
    }

    // ------------------------------------------------------------------------------------------- unsigned bytes

    @Test
    void aQueryStringOnATc3PostIsRefused() throws Exception {
        String keyId = disabledKey();
        TestSigner.Tc3Post post = signer.sign(signer.tc3("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}"));
        String raw = signer.raw(post).replaceFirst("POST / ", "POST /?KeyId=" + keyId + "&Action=EnableKey ");
        assertThat(RawHttp.send(server.port(), raw).errorCode()).isEqualTo("InvalidParameter");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "ListKeys");
        HttpResponse<String> form = TestSigner.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/?Limit=1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(signer.v1Query("POST", "HmacSHA256", params))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(TestSigner.errorCode(form)).isEqualTo("InvalidParameter");
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Disabled");
    }

    @Test
    void aBodyOnAGetIsRefused() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "ListKeys");
        HttpResponse<String> get = TestSigner.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/?" + signer.v1Query("GET", "HmacSHA256",
                                params)))
                .method("GET", HttpRequest.BodyPublishers.ofString("Limit=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(TestSigner.errorCode(get)).isEqualTo("InvalidParameter");
    }

    @Test
    void aRoutingOrSigningHeaderSentTwiceIsRefused() throws Exception {
        String keyId = disabledKey();
        for (String header : new String[] {"X-TC-Action: EnableKey", "x-tc-action: EnableKey", "Host: evil.example",
                "X-TC-Region: ap-beijing", "X-TC-Version: 2019-01-18", "Content-Type: application/json",
                "X-TC-Timestamp: 1"}) {
            TestSigner.Tc3Post post = signer.sign(signer.tc3("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}"));
            String raw = signer.raw(post).replaceFirst("\r\n", "\r\n" + header + "\r\n");
            assertThat(RawHttp.send(server.port(), raw).errorCode()).as(header)
                    .isIn("InvalidParameter", "AuthFailure.InvalidAuthorization");
        }
        TestSigner.Tc3Post post = signer.sign(signer.tc3("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}"));
        String twoAuthorizations = signer.raw(post).replaceFirst("\r\n", "\r\nAuthorization: " + post.authorization
                + "\r\n");
        assertThat(RawHttp.send(server.port(), twoAuthorizations).errorCode()).isEqualTo("InvalidParameter");
        assertThat(describe(kms, keyId).getKeyState()).isEqualTo("Disabled");
    }

    @Test
    void aSignedHeaderSentTwiceIsRefused() throws Exception {
        TestSigner.Tc3Post post = signer.tc3("ListKeys", "{}");
        post.signedHeaders = "content-type;host;x-custom";
        post.extraHeaders.put("X-Custom", "");
        signer.sign(post);
        post.extraHeaders.clear();
        String raw = signer.raw(post).replaceFirst("\r\n", "\r\nX-Custom: \r\nX-Custom: other\r\n");
        assertThat(RawHttp.send(server.port(), raw).errorCode()).isEqualTo("AuthFailure.InvalidAuthorization");
    }
}
