package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One request, one meaning: every byte that decides a request is signed or refused. A captured request cannot have
 * its body swapped, its key named twice, its headers doubled or its path re-spelled into another meaning.
 */
class HuaweiRequestIntegrityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HuaweiServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new HuaweiServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HuaweiSigner.Post post(String operation, String body) {
        return HuaweiSigner.post(server.port(), HuaweiServer.PROJECT, operation, body);
    }

    private static HttpResponse<String> send(HuaweiSigner.Post post) throws Exception {
        return HuaweiSigner.send(server.port(), post);
    }

    private static HuaweiSigner.Post signed(HuaweiSigner.Post post) {
        return HuaweiSigner.sign(post, HuaweiServer.AK, HuaweiServer.SK);
    }

    private static String createKey() throws Exception {
        HttpResponse<String> created = HuaweiProtocolTest.signedPost(server, "create-key",
                "{\"key_alias\":\"integrity-" + System.nanoTime() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return JSON.readTree(created.body()).path("key_info").path("key_id").asText();
    }

    private static String state(String keyId) throws Exception {
        HttpResponse<String> described = HuaweiProtocolTest.signedPost(server, "describe-key",
                "{\"key_id\":\"" + keyId + "\"}");
        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
        return JSON.readTree(described.body()).path("key_info").path("key_state").asText();
    }

    private static JsonNode gatewayError(int status, int actualStatus, String body) throws Exception {
        assertThat(actualStatus).as(body).isEqualTo(status);
        JsonNode json = JSON.readTree(body);
        assertThat(json.path("request_id").asText()).isNotEmpty();
        return json;
    }

    private static JsonNode kmsError(int status, HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        return JSON.readTree(response.body()).path("error");
    }

    // ------------------------------------------------------------------------------ #1 the body is always signed

    @Test
    void aBodySwappedUnderADeclaredContentHashIsRefusedAndChangesNothing() throws Exception {
        String a = createKey();
        String b = createKey();
        HuaweiSigner.Post capture = post("disable-key", "{\"key_id\":\"" + a + "\"}");
        capture.headers.put("x-sdk-content-sha256", HuaweiSigner.sha256(capture.body));
        signed(capture);
        capture.body = "{\"key_id\":\"" + b + "\"}"; // the attacker's swap; the signature and the header stay

        HttpResponse<String> swapped = send(capture);
        JsonNode error = gatewayError(401, swapped.statusCode(), swapped.body());
        assertThat(error.path("error_code").asText()).isEqualTo("APIGW.0301");
        assertThat(error.path("error_msg").asText()).contains("X-Sdk-Content-Sha256");
        assertThat(state(b)).as("the key the attacker named").isEqualTo("2");
        assertThat(state(a)).isEqualTo("2");

        capture.body = "{\"key_id\":\"" + a + "\"}"; // the request as signed: the header equals the body's hash
        assertThat(send(capture).statusCode()).isEqualTo(200);
        assertThat(state(a)).isEqualTo("3");
    }

    @Test
    void aDeclaredContentHashThatIsNotTheBodysIsRefusedEvenWhenUnsigned() throws Exception {
        String a = createKey();
        HuaweiSigner.Post capture = signed(post("disable-key", "{\"key_id\":\"" + a + "\"}"));
        capture.headers.put("x-sdk-content-sha256", HuaweiSigner.sha256("{}")); // added after signing
        HttpResponse<String> response = send(capture);
        assertThat(gatewayError(401, response.statusCode(), response.body()).path("error_code").asText())
                .isEqualTo("APIGW.0301");
        assertThat(state(a)).isEqualTo("2");
    }

    @Test
    void unsignedPayloadIsRefusedForKms() throws Exception {
        String a = createKey();
        HuaweiSigner.Post post = post("disable-key", "{\"key_id\":\"" + a + "\"}");
        post.headers.put("x-sdk-content-sha256", "UNSIGNED-PAYLOAD");
        // signed as an SDK would sign it: the literal UNSIGNED-PAYLOAD in place of the body's hash
        String realBody = post.body;
        HttpResponse<String> response = send(signedWithPayloadHash(post, "UNSIGNED-PAYLOAD"));
        JsonNode error = gatewayError(401, response.statusCode(), response.body());
        assertThat(error.path("error_code").asText()).isEqualTo("APIGW.0301");
        assertThat(error.path("error_msg").asText()).contains("UNSIGNED-PAYLOAD");
        assertThat(realBody).contains(a);
        assertThat(state(a)).isEqualTo("2");
    }

    /** Signs {@code post} with {@code payloadHash} in place of the body's SHA-256. */
    private static HuaweiSigner.Post signedWithPayloadHash(HuaweiSigner.Post post, String payloadHash)
            throws Exception {
        java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>(post.headers);
        StringBuilder canonicalHeaders = new StringBuilder();
        sorted.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
        String signedHeaders = String.join(";", sorted.keySet());
        String canonical = "POST\n" + post.path + "/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
                + payloadHash;
        String toSign = "SDK-HMAC-SHA256\n" + post.headers.get("x-sdk-date") + "\n" + HuaweiSigner.sha256(canonical);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(HuaweiServer.SK.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        post.authorization = "SDK-HMAC-SHA256 Access=" + HuaweiServer.AK + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + java.util.HexFormat.of().formatHex(mac.doFinal(toSign.getBytes(
                        StandardCharsets.UTF_8)));
        return post;
    }

    // ------------------------------------------------------------------------------ #3 one request, one meaning

    @Test
    void aKeyNamedTwiceInTheBodyIsRefusedAndChangesNothing() throws Exception {
        String disabled = createKey();
        String other = createKey();
        assertThat(HuaweiProtocolTest.signedPost(server, "disable-key", "{\"key_id\":\"" + disabled + "\"}")
                .statusCode()).isEqualTo(200);
        JsonNode error = kmsError(400, HuaweiProtocolTest.signedPost(server, "enable-key",
                "{\"key_id\":\"" + other + "\",\"key_id\":\"" + disabled + "\"}"));
        assertThat(error.path("error_code").asText()).isEqualTo("KMS.0202");
        assertThat(error.path("error_msg").asText()).contains("key_id");
        assertThat(state(disabled)).isEqualTo("3");
        assertThat(kmsError(400, HuaweiProtocolTest.signedPost(server, "encrypt-data", "{\"key_id\":\"" + other
                + "\",\"plain_text\":\"x\",\"encryption_context\":{\"a\":\"1\",\"a\":\"2\"}}")).path("error_code")
                .asText()).as("a duplicate in a nested object").isEqualTo("KMS.0202");
    }

    @Test
    void aByteOrderMarkUtf16OrAnotherContentTypeIsRefused() throws Exception {
        String key = createKey();
        String body = "{\"key_id\":\"" + key + "\"}";
        HuaweiSigner.Post bom = post("disable-key", body);
        bom.bodyBytes = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, body.getBytes(
                StandardCharsets.UTF_8));
        assertThat(kmsError(400, send(signed(bom))).path("error_code").asText()).isEqualTo("KMS.0202");
        HuaweiSigner.Post utf16 = post("disable-key", body);
        utf16.bodyBytes = body.getBytes(StandardCharsets.UTF_16LE);
        assertThat(kmsError(400, send(signed(utf16))).path("error_code").asText()).isEqualTo("KMS.0202");
        HuaweiSigner.Post utf16WithBom = post("disable-key", body);
        utf16WithBom.bodyBytes = body.getBytes(StandardCharsets.UTF_16); // big-endian with its BOM
        assertThat(kmsError(400, send(signed(utf16WithBom))).path("error_code").asText()).isEqualTo("KMS.0202");
        HuaweiSigner.Post latin1 = post("disable-key", "{\"key_id\":\"" + key + "\",\"sequence\":\"\u00e9\"}");
        latin1.bodyBytes = latin1.body.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(kmsError(400, send(signed(latin1))).path("error_code").asText()).isEqualTo("KMS.0202");
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded",
                "application/json;charset=ISO-8859-1", "application/json-patch+json")) {
            HuaweiSigner.Post typed = post("disable-key", body);
            typed.headers.put("content-type", type);
            assertThat(kmsError(400, send(signed(typed))).path("error_code").asText()).as(type)
                    .isEqualTo("KMS.0214");
        }
        assertThat(state(key)).isEqualTo("2");
        HuaweiSigner.Post plain = post("disable-key", body);
        plain.headers.put("content-type", "application/json; charset=\"utf-8\"");
        assertThat(send(signed(plain)).statusCode()).isEqualTo(200);
        assertThat(state(key)).isEqualTo("3");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Signed header lines of a disable-key, with {@code extra} lines added after signing. */
    private static RawHttp.Response rawWith(HuaweiSigner.Post post, String... extra) throws Exception {
        List<String> lines = new ArrayList<>(post.headerLines());
        lines.addAll(List.of(extra));
        return RawHttp.send(server.port(), RawHttp.post(post.path, lines, post.bytes()));
    }

    @Test
    void aHeaderKeyportReadsMayNotAppearTwiceInAnyCase() throws Exception {
        String key = createKey();
        String body = "{\"key_id\":\"" + key + "\"}";
        String port = Integer.toString(server.port());
        List<String[]> doubles = List.of(
                new String[] {"Host: 127.0.0.1:" + port, "host"},
                new String[] {"host: evil.example", "host"},
                new String[] {"X-Project-Id: " + HuaweiServer.SECOND_PROJECT, "x-project-id"},
                new String[] {"x-project-id: " + HuaweiServer.PROJECT, "x-project-id"},
                new String[] {"X-SDK-DATE: 20200101T000000Z", "x-sdk-date"},
                new String[] {"Authorization: SDK-HMAC-SHA256 Access=x, SignedHeaders=host, Signature=00",
                        "authorization"},
                new String[] {"X-Sdk-Content-Sha256: " + HuaweiSigner.sha256(body), "x-sdk-content-sha256"},
                new String[] {"Content-Type: text/plain", "content-type"});
        for (String[] extra : doubles) {
            HuaweiSigner.Post post = signed(post("disable-key", body));
            List<String> lines = new ArrayList<>(post.headerLines());
            if (extra[1].equals("x-sdk-content-sha256")) {
                lines.add(extra[0]); // one is allowed: add it twice
            }
            lines.add(extra[0]);
            RawHttp.Response response = RawHttp.send(server.port(), RawHttp.post(post.path, lines, post.bytes()));
            JsonNode error = gatewayError(400, response.status(), response.body());
            assertThat(error.path("error_code").asText()).as(extra[0]).isEqualTo("APIGW.0201");
            assertThat(error.path("error_msg").asText()).as(extra[0]).contains(extra[1]);
            assertThat(response.header("X-Request-Id")).isNotEmpty();
        }
        assertThat(state(key)).isEqualTo("2");
    }

    @Test
    void aSignedHeaderMayNotAppearTwice() throws Exception {
        String key = createKey();
        HuaweiSigner.Post post = post("disable-key", "{\"key_id\":\"" + key + "\"}");
        post.headers.put("user-agent", "huaweicloud-usdk-java/3.0");
        signed(post);
        RawHttp.Response response = rawWith(post, "User-Agent: something-else");
        JsonNode error = gatewayError(401, response.status(), response.body());
        assertThat(error.path("error_code").asText()).isEqualTo("APIGW.0301");
        assertThat(error.path("error_msg").asText()).contains("user-agent");
        assertThat(state(key)).isEqualTo("2");
        assertThat(rawWith(post).status()).as("the request as signed").isEqualTo(200);
    }

    @Test
    void anUnsignedProjectHeaderCanOnlyRefuseTheRequest() throws Exception {
        String key = createKey();
        HuaweiSigner.Post post = post("disable-key", "{\"key_id\":\"" + key + "\"}");
        post.headers.remove("x-project-id");
        signed(post);
        HttpResponse<String> foreign = send(withHeader(post, "x-project-id", HuaweiServer.SECOND_PROJECT));
        assertThat(kmsError(403, foreign).path("error_code").asText()).isEqualTo("KMS.0321");
        assertThat(state(key)).isEqualTo("2");
        post.headers.remove("x-project-id");
        assertThat(send(post).statusCode()).isEqualTo(200);
        assertThat(state(key)).isEqualTo("3");
    }

    private static HuaweiSigner.Post withHeader(HuaweiSigner.Post post, String name, String value) {
        post.headers.put(name, value);
        return post;
    }

    @Test
    void aQueryParameterMayNotRepeatAndAMalformedQueryIsABadRequest() throws Exception {
        String key = createKey();
        HuaweiSigner.Post repeated = post("disable-key", "{\"key_id\":\"" + key + "\"}");
        repeated.path += "?a=1&a=2";
        repeated.canonicalPath = "/v1.0/" + HuaweiServer.PROJECT + "/kms/disable-key";
        repeated.canonicalQuery = "a=2";
        HttpResponse<String> response = send(signed(repeated));
        assertThat(gatewayError(400, response.statusCode(), response.body()).path("error_code").asText())
                .isEqualTo("APIGW.0201");
        HuaweiSigner.Post malformed = post("disable-key", "{\"key_id\":\"" + key + "\"}");
        malformed.path += "?a=%zz";
        malformed.canonicalPath = "/v1.0/" + HuaweiServer.PROJECT + "/kms/disable-key";
        RawHttp.Response raw = rawWith(signed(malformed));
        assertThat(gatewayError(400, raw.status(), raw.body()).path("error_code").asText()).isEqualTo("APIGW.0201");
        assertThat(state(key)).isEqualTo("2");
        HuaweiSigner.Post single = post("disable-key", "{\"key_id\":\"" + key + "\"}");
        single.path += "?b=2&a=1";
        single.canonicalPath = "/v1.0/" + HuaweiServer.PROJECT + "/kms/disable-key";
        single.canonicalQuery = "a=1&b=2";
        assertThat(send(signed(single)).statusCode()).as("a query is signed, sorted").isEqualTo(200);
    }

    @Test
    void aPathMeansWhatItsCanonicalUriSaysOrNothing() throws Exception {
        String key = createKey();
        String body = "{\"key_id\":\"" + key + "\"}";
        String plain = "/v1.0/" + HuaweiServer.PROJECT + "/kms/describe-key";
        // percent-encoded unreserved characters: the same segments, the same canonical URI, the same operation
        HuaweiSigner.Post encoded = post("describe-key", body);
        encoded.path = "/v1.0/%30" + HuaweiServer.PROJECT.substring(1) + "/kms/%64escribe-%6Bey";
        encoded.canonicalPath = plain;
        HttpResponse<String> same = send(signed(encoded));
        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        assertThat(JSON.readTree(same.body()).path("key_info").path("key_id").asText()).isEqualTo(key);
        // a signature made for the plain path verifies the encoded one: they are one request
        HuaweiSigner.Post plainSigned = signed(post("describe-key", body));
        plainSigned.path = encoded.path;
        assertThat(send(plainSigned).statusCode()).isEqualTo(200);
        // other spellings name no operation
        for (String path : List.of(
                "/v1.0/" + HuaweiServer.PROJECT + "/kms/describe-key/",
                "/v1.0/" + HuaweiServer.PROJECT + "/kms//describe-key",
                "/v1.0//" + HuaweiServer.PROJECT + "/kms/describe-key",
                "/v1.0/" + HuaweiServer.PROJECT + "/kms/x/../describe-key",
                "/v1.0/" + HuaweiServer.PROJECT + "/kms/./describe-key",
                "/v1.0/" + HuaweiServer.PROJECT + "/kms/describe%2Dkey%2F",
                "/v1.0/" + HuaweiServer.PROJECT + "%2Fkms/describe-key",
                "/v1.0/" + HuaweiServer.PROJECT + "/kms/describe-key;x=1",
                "/v1.0/" + HuaweiServer.PROJECT + "/kms/describe+key")) {
            HuaweiSigner.Post other = post("describe-key", body);
            other.path = path;
            other.canonicalPath = HuaweiAuthenticator.canonicalUri(path).replaceAll("/$", "");
            RawHttp.Response response = rawWith(signed(other));
            assertThat(gatewayError(404, response.status(), response.body()).path("error_code").asText()).as(path)
                    .isEqualTo("APIGW.0101");
        }
        for (String path : List.of("/v1.0/" + HuaweiServer.PROJECT + "/kms/describe-key%",
                "/v1.0/" + HuaweiServer.PROJECT + "/kms/describe-key%zz", "/v1.0/%C3%28/kms/describe-key",
                "/v1.0/%ff/kms/describe-key")) {
            RawHttp.Response response = RawHttp.send(server.port(), RawHttp.post(path,
                    List.of("Host: 127.0.0.1"), body.getBytes(StandardCharsets.UTF_8)));
            assertThat(gatewayError(400, response.status(), response.body()).path("error_code").asText()).as(path)
                    .isEqualTo("APIGW.0201");
        }
    }

    /** Netty's decoder refuses it first, and Keyport answers that in the gateway's shape (the authenticator too). */
    @Test
    void aHeaderWithAControlCharacterIsRefused() throws Exception {
        String key = createKey();
        HuaweiSigner.Post post = post("disable-key", "{\"key_id\":\"" + key + "\"}");
        post.headers.put("x-note", "a\u0001b");
        RawHttp.Response response = rawWith(signed(post));
        JsonNode error = gatewayError(400, response.status(), response.body());
        assertThat(error.path("error_code").asText()).isEqualTo("APIGW.0201");
        assertThat(response.header("X-Request-Id")).isEqualTo(error.path("request_id").asText());
        assertThat(state(key)).isEqualTo("2");
    }
}
