package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The code and the exact message a client sees for each rule whose numbers are Huawei's (the deletion window, the
 * material length, the description length, the wrapping key) and for each value the adapter and the domain could
 * both check (a key id, a plaintext size): whichever of them holds the check, the answer on the wire is this one.
 */
class HuaweiVendorRulesTest {

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

    private static JsonNode ok(String operation, String body) throws Exception {
        HttpResponse<String> response = HuaweiProtocolTest.signedPost(server, operation, body);
        assertThat(response.statusCode()).as(operation + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** "400 KMS.XXXX message" of a refusal in KMS's shape. */
    private static String refusal(String operation, String body) throws Exception {
        HttpResponse<String> response = HuaweiProtocolTest.signedPost(server, operation, body);
        JsonNode error = JSON.readTree(response.body()).path("error");
        return response.statusCode() + " " + error.path("error_code").asText() + " "
                + error.path("error_msg").asText();
    }

    private static String createKey(String extra) throws Exception {
        return ok("create-key", "{\"key_alias\":\"rules-" + UUID.randomUUID().toString().substring(0, 8) + "\""
                + extra + "}").path("key_info").path("key_id").asText();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    @Test
    void aPendingPeriodOutsideSevenTo1096DaysIsKms1401QuotingThatWindow() throws Exception {
        String keyId = createKey("");
        for (String days : new String[] {"6", "1097", "0", "seven", "100001"}) {
            assertThat(refusal("schedule-key-deletion", "{\"key_id\":\"" + keyId + "\",\"pending_days\":"
                    + quoted(days) + "}")).as(days)
                    .isEqualTo("400 KMS.1401 Set the pending deletion period between 7 to 1096 days.");
        }
        assertThat(ok("schedule-key-deletion", "{\"key_id\":\"" + keyId + "\",\"pending_days\":\"7\"}")
                .path("key_state").asText()).isEqualTo("4");
    }

    @Test
    void materialOfAnotherLengthIsKms2604QuotingThirtyTwoBytes() throws Exception {
        String keyId = createKey(",\"origin\":\"external\"");
        JsonNode parameters = ok("get-parameters-for-import", "{\"key_id\":\"" + keyId
                + "\",\"wrapping_algorithm\":\"RSAES_OAEP_SHA_256\"}");
        String wrapped = HuaweiSdkLifecycleTest.wrap(parameters.path("public_key").asText(), new byte[16]);
        assertThat(refusal("import-key-material", "{\"key_id\":\"" + keyId + "\",\"import_token\":\""
                + parameters.path("import_token").asText() + "\",\"encrypted_key_material\":\"" + wrapped + "\"}"))
                .isEqualTo("400 KMS.2604 The external key plaintext length must be 32 bytes.");
    }

    @Test
    void aDescriptionOfMoreThan255CharactersIsKms1103() throws Exception {
        createKey(",\"key_description\":" + quoted("d".repeat(255)));
        assertThat(refusal("create-key", "{\"key_alias\":\"rules-long\",\"key_description\":"
                + quoted("d".repeat(256)) + "}")).isEqualTo("400 KMS.1103 Invalid key_description.");
    }

    @Test
    void theWrappingKeyIsRsa2048() throws Exception {
        String keyId = createKey(",\"origin\":\"external\"");
        JsonNode parameters = ok("get-parameters-for-import", "{\"key_id\":\"" + keyId
                + "\",\"wrapping_algorithm\":\"RSAES_OAEP_SHA_1\"}");
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(parameters.path("public_key").asText())));
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void aMalformedKeyIdIsKms0205BeforeTheKeyIsLookedFor() throws Exception {
        for (String operation : new String[] {"describe-key", "enable-key", "disable-key", "cancel-key-deletion",
                "delete-imported-key-material"}) {
            for (String keyId : new String[] {"alias/nope", UUID.randomUUID().toString().toUpperCase(), "x"}) {
                assertThat(refusal(operation, "{\"key_id\":" + quoted(keyId) + "}")).as(operation + " " + keyId)
                        .isEqualTo("400 KMS.0205 Invalid key ID.");
            }
        }
        assertThat(refusal("encrypt-data", "{\"key_id\":\"nope\",\"plain_text\":\"x\"}"))
                .isEqualTo("400 KMS.0205 Invalid key ID.");
        assertThat(refusal("get-parameters-for-import", "{\"key_id\":\"nope\",\"wrapping_algorithm\":\"x\"}"))
                .as("the key id is read before the algorithm").isEqualTo("400 KMS.0205 Invalid key ID.");
        assertThat(refusal("schedule-key-deletion", "{\"key_id\":\"nope\",\"pending_days\":\"x\"}"))
                .as("the key id is read before the days").isEqualTo("400 KMS.0205 Invalid key ID.");
    }

    @Test
    void aPlaintextOfMoreThan4096BytesIsKms2101() throws Exception {
        String keyId = createKey("");
        ok("encrypt-data", "{\"key_id\":\"" + keyId + "\",\"plain_text\":" + quoted("p".repeat(4096)) + "}");
        assertThat(refusal("encrypt-data", "{\"key_id\":\"" + keyId + "\",\"plain_text\":"
                + quoted("p".repeat(4097)) + "}")).isEqualTo("400 KMS.2101 Invalid plain_text.");
        assertThat(refusal("encrypt-data", "{\"key_id\":\"" + keyId + "\",\"plain_text\":"
                + quoted("\u5b57".repeat(1366)) + "}")).as("4098 bytes of UTF-8")
                .isEqualTo("400 KMS.2101 Invalid plain_text.");
        ok("disable-key", "{\"key_id\":\"" + keyId + "\"}");
        assertThat(refusal("encrypt-data", "{\"key_id\":\"" + keyId + "\",\"plain_text\":"
                + quoted("p".repeat(4097)) + "}")).as("the size is checked before the key's state")
                .isEqualTo("400 KMS.2101 Invalid plain_text.");
    }
}
