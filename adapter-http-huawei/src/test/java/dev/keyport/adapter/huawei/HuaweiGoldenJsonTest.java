package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact JSON of every response and error shape, status included, compared with files under
 * {@code src/test/resources/golden}; per-run values are replaced by a placeholder that keeps their JSON type. Run
 * with {@code -Dgolden.update=true} to rewrite the files after a deliberate change, and review the diff.
 */
class HuaweiGoldenJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Set<String> VARIABLE = Set.of("key_id", "request_id", "creation_date",
            "scheduled_deletion_date", "expiration_time", "import_token", "public_key", "cipher_text", "keys", "source_key_id",
            "next_marker");
    private HuaweiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HuaweiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode call(String operation, String body) throws Exception {
        HttpResponse<String> response = HuaweiProtocolTest.signedPost(server, operation, body);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
        ObjectNode recorded = JSON.createObjectNode();
        recorded.put("status", response.statusCode());
        recorded.set("body", JSON.readTree(response.body()));
        return recorded;
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
            var names = new ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                boolean empty = value.isTextual() && value.textValue().isEmpty();
                if (VARIABLE.contains(name) && value.isValueNode() && !empty) {
                    object.put(name, "<" + name + (value.isNumber() ? ":number" : ":string") + ">");
                } else if (VARIABLE.contains(name) && value.isArray()) {
                    var array = JSON.createArrayNode();
                    value.forEach(v -> array.add("<" + name + "[]:string>"));
                    object.set(name, array);
                } else {
                    normalize(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(HuaweiGoldenJsonTest::normalize);
        }
        return node;
    }

    @Test
    void everyResponseShape() throws Exception {
        Map<String, JsonNode> responses = new LinkedHashMap<>();
        JsonNode created = call("create-key", "{\"key_alias\":\"golden-external\",\"key_description\":\"golden\","
                + "\"origin\":\"external\",\"key_spec\":\"AES_256\"}");
        String keyId = created.path("body").path("key_info").path("key_id").asText();
        responses.put("create-key", created);
        responses.put("describe-key", call("describe-key", "{\"key_id\":\"" + keyId + "\"}"));
        JsonNode parameters = call("get-parameters-for-import", "{\"key_id\":\"" + keyId
                + "\",\"wrapping_algorithm\":\"RSAES_OAEP_SHA_256\"}");
        responses.put("get-parameters-for-import", parameters);
        String wrapped = HuaweiSdkLifecycleTest.wrap(parameters.path("body").path("public_key").asText(),
                new byte[32]);
        responses.put("import-key-material", call("import-key-material", "{\"key_id\":\"" + keyId
                + "\",\"import_token\":\"" + parameters.path("body").path("import_token").asText()
                + "\",\"encrypted_key_material\":\"" + wrapped + "\"}"));
        JsonNode encrypted = call("encrypt-data", "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"golden\"}");
        responses.put("encrypt-data", encrypted);
        responses.put("decrypt-data", call("decrypt-data", "{\"cipher_text\":\""
                + encrypted.path("body").path("cipher_text").asText() + "\"}"));
        JsonNode dataKey = call("create-datakey", "{\"key_id\":\"" + keyId + "\",\"datakey_length\":\"128\"}");
        String dataKeyCipher = dataKey.path("body").path("cipher_text").asText();
        responses.put("create-datakey", hexPlaceholder(dataKey, "plain_text"));
        responses.put("create-datakey-without-plaintext", call("create-datakey-without-plaintext",
                "{\"key_id\":\"" + keyId + "\",\"key_spec\":\"AES_256\"}"));
        responses.put("encrypt-datakey", call("encrypt-datakey", "{\"key_id\":\"" + keyId + "\",\"plain_text\":\""
                + "00".repeat(32) + "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"
                + "\",\"datakey_plain_length\":\"32\"}"));
        responses.put("decrypt-datakey", hexPlaceholder(hexPlaceholder(call("decrypt-datakey", "{\"key_id\":\""
                + keyId + "\",\"cipher_text\":\"" + dataKeyCipher + "\",\"datakey_cipher_length\":\"16\"}"),
                "data_key"), "datakey_dgst"));
        responses.put("gen-random", hexPlaceholder(call("gen-random", "{\"random_data_length\":\"64\"}"),
                "random_data"));
        responses.put("re-encrypt", call("re-encrypt", "{\"cipher_text\":\"" + dataKeyCipher
                + "\",\"destination_key_id\":\"" + keyId + "\",\"destination_additional_authenticated_data\":\"x\"}"));
        responses.put("update-key-alias", call("update-key-alias", "{\"key_id\":\"" + keyId
                + "\",\"key_alias\":\"golden-renamed\"}"));
        responses.put("update-key-description", call("update-key-description", "{\"key_id\":\"" + keyId
                + "\",\"key_description\":\"golden again\"}"));
        responses.put("disable-key", call("disable-key", "{\"key_id\":\"" + keyId + "\"}"));
        responses.put("enable-key", call("enable-key", "{\"key_id\":\"" + keyId + "\"}"));
        responses.put("delete-imported-key-material", call("delete-imported-key-material",
                "{\"key_id\":\"" + keyId + "\"}"));
        responses.put("list-keys", call("list-keys", "{\"limit\":\"10\"}"));
        responses.put("schedule-key-deletion", call("schedule-key-deletion", "{\"key_id\":\"" + keyId
                + "\",\"pending_days\":\"7\"}"));
        responses.put("cancel-key-deletion", call("cancel-key-deletion", "{\"key_id\":\"" + keyId + "\"}"));
        for (Map.Entry<String, JsonNode> response : responses.entrySet()) {
            assertThat(response.getValue().path("status").asInt()).as(response.getValue().toString())
                    .isEqualTo(200);
            assertGolden("huawei-" + response.getKey(), response.getValue());
        }
    }

    /** Random hex (a data key, its digest, random bytes) as a placeholder of its length in bytes. */
    private static JsonNode hexPlaceholder(JsonNode response, String field) {
        ObjectNode body = (ObjectNode) response.path("body");
        String hex = body.path(field).asText();
        assertThat(hex).matches("[0-9A-F]+");
        body.put(field, "<hex:" + hex.length() / 2 + " bytes>");
        return response;
    }

    @Test
    void everyErrorShape() throws Exception {
        assertGolden("huawei-error-KMS.0207", call("describe-key",
                "{\"key_id\":\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\"}"));
        assertGolden("huawei-error-KMS.0204", call("delete-imported-key-material", "{}"));
        assertGolden("huawei-error-KMS.2701", call("delete-imported-key-material", "{\"key_id\":\""
                + call("create-key", "{\"key_alias\":\"golden-pending\",\"origin\":\"external\"}").path("body")
                .path("key_info").path("key_id").asText() + "\"}"));
        assertGolden("huawei-error-APIGW.0101", call("delete-everything", "{}"));
        assertGolden("huawei-error-KMS.2103", call("encrypt-datakey", "{\"key_id\":\""
                + "0d0466b0-e727-4d9c-b35d-f84bb474a37f\",\"plain_text\":\"" + "00".repeat(64)
                + "\",\"datakey_plain_length\":\"32\"}"));
        assertGolden("huawei-error-KMS.1901", call("create-datakey", "{\"key_id\":\""
                + "0d0466b0-e727-4d9c-b35d-f84bb474a37f\",\"datakey_length\":\"9000\"}"));
        HuaweiSigner.Post wrong = HuaweiSigner.sign(HuaweiSigner.post(server.port(), HuaweiServer.PROJECT,
                "list-keys", "{}"), HuaweiServer.AK, "wrong");
        HttpResponse<String> unauthorized = HuaweiSigner.send(server.port(), wrong);
        ObjectNode recorded = JSON.createObjectNode();
        recorded.put("status", unauthorized.statusCode());
        recorded.set("body", JSON.readTree(unauthorized.body()));
        assertGolden("huawei-error-APIGW.0301", recorded);
    }
}
