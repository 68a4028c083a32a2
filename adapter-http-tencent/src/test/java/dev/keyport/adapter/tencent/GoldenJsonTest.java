package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact JSON of every response and error shape, compared with files under {@code src/test/resources/golden}.
 * Values that differ on each run (ids, times, tokens, keys, ciphertexts) are replaced by a placeholder first; every
 * other field, its name, its type and its value must match. Run with {@code -Dgolden.update=true} to rewrite the
 * files after a deliberate change, and review the diff.
 */
class GoldenJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Set<String> VARIABLE = Set.of("RequestId", "KeyId", "CreateTime", "DeletionDate",
            "ImportToken", "PublicKey", "ParametersValidTo", "CiphertextBlob", "ResourceId", "SourceKeyId");
    private static TencentServer server;
    private static TestSigner signer;

    /** A fresh, empty Keyport for each test, so that listings hold exactly what the test made. */
    @BeforeEach
    void start() throws Exception {
        server = new TencentServer();
        signer = server.signer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode call(String action, String body) throws Exception {
        var http = signer.post(action, body);
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.headers().firstValue("Content-Type")).contains("application/json");
        return JSON.readTree(http.body());
    }

    private static void assertGolden(String name, JsonNode actual) throws Exception {
        JsonNode normalized = normalize(actual.deepCopy());
        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, JSON.writeValueAsString(normalized) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file " + file).exists();
        assertThat(normalized).as(name).isEqualTo(JSON.readTree(Files.readString(file)));
    }

    private static JsonNode normalize(JsonNode node) {
        if (node instanceof ObjectNode object) {
            var names = new java.util.ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (VARIABLE.contains(name) && value.isValueNode() && !(value.isNumber() && value.asLong() == 0)) {
                    object.put(name, "<" + name + (value.isNumber() ? ":number" : ":string") + ">");
                } else {
                    normalize(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(GoldenJsonTest::normalize);
        }
        return node;
    }

    @Test
    void everyResponseShape() throws Exception {
        Map<String, JsonNode> responses = new LinkedHashMap<>();
        JsonNode created = call("CreateKey", "{\"Alias\":\"golden-external\",\"Description\":\"golden\",\"Type\":2}");
        String keyId = created.path("Response").path("KeyId").asText();
        responses.put("CreateKey", created);
        responses.put("DescribeKey", call("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}"));
        JsonNode parameters = call("GetParametersForImport", "{\"KeyId\":\"" + keyId
                + "\",\"WrappingAlgorithm\":\"RSAES_OAEP_SHA_256\",\"WrappingKeySpec\":\"RSA_2048\"}");
        responses.put("GetParametersForImport", parameters);
        String wrapped = TencentSdkLifecycleTest.wrap("RSAES_OAEP_SHA_256",
                parameters.path("Response").path("PublicKey").asText(), new byte[32]);
        responses.put("ImportKeyMaterial", call("ImportKeyMaterial", "{\"KeyId\":\"" + keyId + "\",\"ImportToken\":\""
                + parameters.path("Response").path("ImportToken").asText() + "\",\"EncryptedKeyMaterial\":\""
                + wrapped + "\",\"ValidTo\":\"0\"}"));
        JsonNode encrypted = call("Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\""
                + Base64.getEncoder().encodeToString("golden".getBytes()) + "\"}");
        responses.put("Encrypt", encrypted);
        responses.put("Decrypt", call("Decrypt", "{\"CiphertextBlob\":\""
                + encrypted.path("Response").path("CiphertextBlob").asText() + "\"}"));
        responses.put("GenerateDataKey", withoutPlaintext(call("GenerateDataKey", "{\"KeyId\":\"" + keyId
                + "\",\"KeySpec\":\"AES_256\",\"EncryptionContext\":\"{\\\"a\\\":\\\"b\\\"}\"}")));
        responses.put("GenerateRandom", withoutPlaintext(call("GenerateRandom", "{\"NumberOfBytes\":16}")));
        responses.put("ReEncrypt", call("ReEncrypt", "{\"CiphertextBlob\":\""
                + encrypted.path("Response").path("CiphertextBlob").asText()
                + "\",\"DestinationEncryptionContext\":\"{\\\"b\\\":\\\"c\\\"}\"}"));
        responses.put("BindCloudResource", call("BindCloudResource", "{\"KeyId\":\"" + keyId
                + "\",\"ProductId\":\"ssm\",\"ResourceId\":\"golden-secret\"}"));
        responses.put("UnbindCloudResource", call("UnbindCloudResource", "{\"KeyId\":\"" + keyId
                + "\",\"ProductId\":\"ssm\",\"ResourceId\":\"golden-secret\"}"));
        responses.put("UpdateAlias", call("UpdateAlias", "{\"KeyId\":\"" + keyId
                + "\",\"Alias\":\"golden-renamed\"}"));
        responses.put("UpdateKeyDescription", call("UpdateKeyDescription", "{\"KeyId\":\"" + keyId
                + "\",\"Description\":\"golden again\"}"));
        responses.put("GetServiceStatus", call("GetServiceStatus", "{}"));
        responses.put("ListAlgorithms", call("ListAlgorithms", "{}"));
        responses.put("DisableKey", call("DisableKey", "{\"KeyId\":\"" + keyId + "\"}"));
        responses.put("EnableKey", call("EnableKey", "{\"KeyId\":\"" + keyId + "\"}"));
        responses.put("DisableKeys", call("DisableKeys", "{\"KeyIds\":[\"" + keyId + "\"]}"));
        responses.put("EnableKeys", call("EnableKeys", "{\"KeyIds\":[\"" + keyId + "\"]}"));
        responses.put("DeleteImportedKeyMaterial", call("DeleteImportedKeyMaterial", "{\"KeyId\":\"" + keyId + "\"}"));
        responses.put("DescribeKeys", call("DescribeKeys", "{\"KeyIds\":[\"" + keyId + "\"]}"));
        responses.put("ListKeys", call("ListKeys", "{}"));
        responses.put("ListKeyDetail", call("ListKeyDetail", "{\"Origin\":\"EXTERNAL\"}"));
        responses.put("ScheduleKeyDeletion", call("ScheduleKeyDeletion", "{\"KeyId\":\"" + keyId
                + "\",\"PendingWindowInDays\":7}"));
        responses.put("CancelKeyDeletion", call("CancelKeyDeletion", "{\"KeyId\":\"" + keyId + "\"}"));
        for (Map.Entry<String, JsonNode> response : responses.entrySet()) {
            assertThat(response.getValue().path("Response").has("Error")).as(response.getValue().toString())
                    .isFalse();
            assertGolden(response.getKey(), response.getValue());
        }
    }

    /** A random plaintext (a data key, random bytes) as a placeholder of its length in bytes. */
    private static JsonNode withoutPlaintext(JsonNode response) {
        ObjectNode body = (ObjectNode) response.path("Response");
        body.put("Plaintext", "<Plaintext:" + Base64.getDecoder().decode(body.path("Plaintext").asText()).length
                + " bytes>");
        return response;
    }

    @Test
    void everyErrorShape() throws Exception {
        assertGolden("error-CmkNotFound", call("DescribeKey", "{\"KeyId\":\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\"}"));
        assertGolden("error-MissingParameter", call("DeleteImportedKeyMaterial", "{}"));
        assertGolden("error-InvalidAction", call("DeleteEverything", "{}"));
        assertGolden("error-DataKeyLength", call("GenerateDataKey",
                "{\"KeyId\":\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\"}"));
        assertGolden("error-HostedDataKey", call("GenerateDataKey",
                "{\"KeyId\":\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\",\"KeySpec\":\"AES_256\",\"IsHostedByKms\":1}"));
        assertGolden("error-SignatureFailure", JSON.readTree(new TestSigner(TencentServer.SECRET_ID, "wrong",
                server.port()).post("ListKeys", "{}").body()));
        assertGolden("error-CmkStateNotSupport", call("DeleteImportedKeyMaterial", "{\"KeyId\":\""
                + call("CreateKey", "{\"Alias\":\"golden-pending\",\"Type\":2}").path("Response").path("KeyId")
                .asText() + "\"}"));
    }
}
