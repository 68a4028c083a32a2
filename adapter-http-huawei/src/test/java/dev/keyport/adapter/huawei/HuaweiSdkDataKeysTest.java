package dev.keyport.adapter.huawei;

import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.assertError;
import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.createExternalKey;
import static dev.keyport.adapter.huawei.HuaweiSdkLifecycleTest.importMaterial;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.huaweicloud.sdk.core.ClientBuilder;
import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyWithoutPlaintextRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateRandomRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.DeleteImportedKeyMaterialRequest;
import com.huaweicloud.sdk.kms.v2.model.DisableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDatakeyRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDatakeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.GenRandomRequestBody;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data-key operations and gen-random through the official Huawei Cloud Java SDK v3; re-encrypt, which the SDK
 * release on Maven Central (3.1.143) does not have yet, through the same SDK's client with a request definition for
 * its documented path and body.
 */
class HuaweiSdkDataKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    @RegisterExtension
    static final HuaweiSdkServer SDK = new HuaweiSdkServer();
    private static HcClient sdk;

    @BeforeAll
    static void start() {
        sdk = new ClientBuilder<HcClient>(client -> client).withCredential(new BasicCredentials()
                        .withAk(HuaweiServer.AK).withSk(HuaweiServer.SK).withProjectId(HuaweiServer.PROJECT))
                .withEndpoints(List.of("http://127.0.0.1:" + SDK.server().port())).build();
    }

    private static String createKey() {
        return SDK.kms().createKey(new CreateKeyRequest().withBody(new CreateKeyRequestBody()
                .withKeyAlias("dek-" + UUID.randomUUID().toString().substring(0, 8))
                .withKeySpec(CreateKeyRequestBody.KeySpecEnum.AES_256))).getKeyInfo().getKeyId();
    }

    private static CreateDatakeyResponse createDatakey(String keyId, CreateDatakeyRequestBody.KeySpecEnum spec,
                                                       String bits, String aad) {
        return SDK.kms().createDatakey(new CreateDatakeyRequest().withBody(new CreateDatakeyRequestBody().withKeyId(keyId)
                .withKeySpec(spec).withDatakeyLength(bits).withAdditionalAuthenticatedData(aad)));
    }

    private static DecryptDatakeyResponse decryptDatakey(String keyId, String cipherText, int length, String aad) {
        return SDK.kms().decryptDatakey(new DecryptDatakeyRequest().withBody(new DecryptDatakeyRequestBody()
                .withKeyId(keyId).withCipherText(cipherText).withDatakeyCipherLength(Integer.toString(length))
                .withAdditionalAuthenticatedData(aad)));
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aDataKeyIsMadeInHexAndDecryptsWithItsDigestAndLength() throws Exception {
        String keyId = createKey();
        CreateDatakeyResponse made = createDatakey(keyId, CreateDatakeyRequestBody.KeySpecEnum.AES_128, null, "aad");
        assertThat(made.getKeyId()).isEqualTo(keyId);
        byte[] dataKey = HEX.parseHex(made.getPlainText());
        assertThat(dataKey).hasSize(16);
        assertThat(HEX.parseHex(createDatakey(keyId, null, null, null).getPlainText())).as("256 bits by default")
                .hasSize(32);
        assertThat(HEX.parseHex(createDatakey(keyId, CreateDatakeyRequestBody.KeySpecEnum.AES_128, "512", null)
                .getPlainText())).as("datakey_length wins").hasSize(64);
        assertThat(HEX.parseHex(createDatakey(keyId, null, "8192", null).getPlainText())).hasSize(1024);

        DecryptDatakeyResponse opened = decryptDatakey(keyId, made.getCipherText(), 16, "aad");
        assertThat(HEX.parseHex(opened.getDataKey())).isEqualTo(dataKey);
        assertThat(opened.getDatakeyLength()).isEqualTo("16");
        assertThat(opened.getDatakeyDgst()).isEqualToIgnoringCase(sha256Hex(dataKey));
        assertError(() -> decryptDatakey(keyId, made.getCipherText(), 16, "other"), 400, "KMS.2201");
        assertError(() -> decryptDatakey(keyId, made.getCipherText(), 32, "aad"), 400, "KMS.2204");
        assertError(() -> decryptDatakey(createKey(), made.getCipherText(), 16, "aad"), 400, "KMS.2201");
    }

    @Test
    void withoutPlaintextOnlyTheCiphertextIsAnswered() {
        String keyId = createKey();
        var made = SDK.kms().createDatakeyWithoutPlaintext(new CreateDatakeyWithoutPlaintextRequest().withBody(
                new CreateDatakeyRequestBody().withKeyId(keyId).withDatakeyLength("256")));
        assertThat(made.getKeyId()).isEqualTo(keyId);
        assertThat(HEX.parseHex(decryptDatakey(keyId, made.getCipherText(), 32, null).getDataKey())).hasSize(32);
    }

    @Test
    void aCallersDataKeyIsEncryptedOnlyWithItsOwnSha256Digest() throws Exception {
        String keyId = createKey();
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        EncryptDatakeyResponse wrapped = SDK.kms().encryptDatakey(new EncryptDatakeyRequest().withBody(
                new EncryptDatakeyRequestBody().withKeyId(keyId)
                        .withPlainText(HEX.formatHex(dataKey) + sha256Hex(dataKey)).withDatakeyPlainLength("32")));
        assertThat(wrapped.getKeyId()).isEqualTo(keyId);
        assertThat(wrapped.getDatakeyLength()).isEqualTo("32");
        assertThat(HEX.parseHex(decryptDatakey(keyId, wrapped.getCipherText(), 32, null).getDataKey()))
                .isEqualTo(dataKey);

        byte[] other = dataKey.clone();
        other[0] ^= 1;
        assertError(() -> encryptDatakey(keyId, HEX.formatHex(dataKey) + sha256Hex(other), "32"), 400, "KMS.2103");
        assertError(() -> encryptDatakey(keyId, HEX.formatHex(dataKey) + sha256Hex(dataKey), "16"), 400,
                "KMS.2104");
        assertError(() -> encryptDatakey(keyId, HEX.formatHex(dataKey), "32"), 400, "KMS.2104");
        assertError(() -> encryptDatakey(keyId, "zz" + sha256Hex(dataKey), "1"), 400, "KMS.2101");
        assertError(() -> encryptDatakey(keyId, HEX.formatHex(dataKey) + sha256Hex(dataKey), "0"), 400,
                "KMS.2102");
        assertError(() -> encryptDatakey(keyId, HEX.formatHex(dataKey) + sha256Hex(dataKey), "1025"), 400,
                "KMS.2102");
    }

    private static void encryptDatakey(String keyId, String plainText, String length) {
        SDK.kms().encryptDatakey(new EncryptDatakeyRequest().withBody(new EncryptDatakeyRequestBody().withKeyId(keyId)
                .withPlainText(plainText).withDatakeyPlainLength(length)));
    }

    @Test
    void lengthsAreRefusedWithHuaweisCodes() {
        String keyId = createKey();
        assertError(() -> createDatakey(keyId, null, "4", null), 400, "KMS.1901");
        assertError(() -> createDatakey(keyId, null, "8200", null), 400, "KMS.1901");
        assertError(() -> createDatakey(keyId, null, "12", null), 400, "KMS.1903");
        assertError(() -> createDatakey(keyId, null, "many", null), 400, "KMS.1901");
        assertError(() -> random("7"), 400, "KMS.1801");
        assertError(() -> random("8200"), 400, "KMS.1801");
        assertError(() -> random("12"), 400, "KMS.1802");
        assertThat(HEX.parseHex(random("8"))).hasSize(1);
        assertThat(HEX.parseHex(random("8192"))).hasSize(1024).isNotEqualTo(HEX.parseHex(random("8192")));
    }

    private static String random(String bits) {
        return SDK.kms().createRandom(new CreateRandomRequest().withBody(new GenRandomRequestBody()
                .withRandomDataLength(bits))).getRandomData();
    }

    @Test
    void aDisabledKeyMakesNoDataKeyAndADataKeyIsNotDecryptedAsData() {
        String keyId = createKey();
        CreateDatakeyResponse made = createDatakey(keyId, null, null, null);
        assertError(() -> SDK.kms().decryptData(new DecryptDataRequest().withBody(new DecryptDataRequestBody()
                .withCipherText(java.util.Base64.getEncoder().encodeToString(HEX.parseHex(made.getCipherText()))))),
                400, "KMS.2201");
        SDK.kms().disableKey(new DisableKeyRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId)));
        assertError(() -> createDatakey(keyId, null, null, null), 400, "KMS.0209");
        assertError(() -> decryptDatakey(keyId, made.getCipherText(), 32, null), 400, "KMS.0209");
    }

    @Test
    void anotherProjectCannotOpenADataKey() {
        String keyId = createKey();
        CreateDatakeyResponse made = createDatakey(keyId, null, null, null);
        KmsClient stranger = SDK.server().client(HuaweiServer.OTHER_AK, HuaweiServer.OTHER_SK, HuaweiServer.OTHER_PROJECT);
        assertError(() -> stranger.decryptDatakey(new DecryptDatakeyRequest().withBody(new DecryptDatakeyRequestBody()
                .withKeyId(keyId).withCipherText(made.getCipherText()).withDatakeyCipherLength("32"))), 404,
                "KMS.0207");
    }

    @Test
    void afterDeleteImportedKeyMaterialNoDataKeyOpensAndTheSameMaterialOpensEveryOneAgain() throws Exception {
        String keyId = createExternalKey(SDK.kms());
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        importMaterial(SDK.kms(), keyId, material, null);
        List<CreateDatakeyResponse> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(createDatakey(keyId, null, null, "tde"));
        }

        SDK.kms().deleteImportedKeyMaterial(new DeleteImportedKeyMaterialRequest()
                .withBody(new OperateKeyRequestBody().withKeyId(keyId)));
        for (CreateDatakeyResponse dataKey : made) {
            assertError(() -> decryptDatakey(keyId, dataKey.getCipherText(), 32, "tde"), 400, "KMS.0308");
        }
        byte[] other = new byte[32];
        RANDOM.nextBytes(other);
        assertError(() -> importMaterial(SDK.kms(), keyId, other, null), 400, "KMS.2606");

        importMaterial(SDK.kms(), keyId, material, null);
        for (CreateDatakeyResponse dataKey : made) {
            assertThat(decryptDatakey(keyId, dataKey.getCipherText(), 32, "tde").getDataKey())
                    .isEqualToIgnoringCase(dataKey.getPlainText());
        }
    }

    // ------------------------------------------------------------------------------------------------ re-encrypt

    /** re-encrypt's request as Huawei documents it (POST /v1.0/{project_id}/kms/re-encrypt). */
    public static final class ReEncryptRequest {
        private ReEncryptBody body;

        public ReEncryptBody getBody() {
            return body;
        }

        public void setBody(ReEncryptBody body) {
            this.body = body;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReEncryptBody(@JsonProperty("cipher_text") String cipherText,
                                @JsonProperty("source_key_id") String sourceKeyId,
                                @JsonProperty("source_additional_authenticated_data") String sourceAad,
                                @JsonProperty("destination_key_id") String destinationKeyId,
                                @JsonProperty("destination_additional_authenticated_data") String destinationAad,
                                @JsonProperty("datakey_cipher_length") String datakeyCipherLength) {
    }

    public static final class ReEncryptResponse extends SdkResponse {
        @JsonProperty("key_id")
        public String keyId;
        @JsonProperty("source_key_id")
        public String sourceKeyId;
        @JsonProperty("source_encryption_algorithm")
        public String sourceEncryptionAlgorithm;
        @JsonProperty("destination_encryption_algorithm")
        public String destinationEncryptionAlgorithm;
        @JsonProperty("cipher_text")
        public String cipherText;
    }

    private static final HttpRequestDef<ReEncryptRequest, ReEncryptResponse> RE_ENCRYPT = HttpRequestDef
            .builder(HttpMethod.POST, ReEncryptRequest.class, ReEncryptResponse.class).withName("ReEncrypt")
            .withUri("/v1.0/{project_id}/kms/re-encrypt").withContentType("application/json;charset=UTF-8")
            .withRequestField("body", LocationType.Body, FieldExistence.NON_NULL_NON_EMPTY, ReEncryptBody.class,
                    f -> f.withMarshaller(ReEncryptRequest::getBody, ReEncryptRequest::setBody))
            .build();

    private static ReEncryptResponse reEncrypt(ReEncryptBody body) {
        ReEncryptRequest request = new ReEncryptRequest();
        request.setBody(body);
        return sdk.syncInvokeHttp(request, RE_ENCRYPT);
    }

    @Test
    void reEncryptMovesADataKeyInHexAndDataInBase64ToAnotherKey() {
        String from = createKey();
        String to = createKey();
        CreateDatakeyResponse dataKey = createDatakey(from, null, null, "a");
        ReEncryptResponse moved = reEncrypt(new ReEncryptBody(dataKey.getCipherText(), from, "a", to, "b", "32"));
        assertThat(moved.keyId).isEqualTo(to);
        assertThat(moved.sourceKeyId).isEqualTo(from);
        assertThat(moved.sourceEncryptionAlgorithm).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(moved.destinationEncryptionAlgorithm).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(decryptDatakey(to, moved.cipherText, 32, "b").getDataKey())
                .isEqualToIgnoringCase(dataKey.getPlainText());

        String data = SDK.kms().encryptData(new EncryptDataRequest().withBody(new EncryptDataRequestBody().withKeyId(from)
                .withPlainText("row 9"))).getCipherText();
        ReEncryptResponse movedData = reEncrypt(new ReEncryptBody(data, null, null, to, null, null));
        assertThat(SDK.kms().decryptData(new DecryptDataRequest().withBody(new DecryptDataRequestBody()
                .withCipherText(movedData.cipherText))).getPlainText()).isEqualTo("row 9");

        assertError(() -> reEncrypt(new ReEncryptBody(dataKey.getCipherText(), from, "wrong", to, null, null)), 400,
                "KMS.2201");
        assertError(() -> reEncrypt(new ReEncryptBody(dataKey.getCipherText(), to, "a", to, null, null)), 400,
                "KMS.2201");
        assertError(() -> reEncrypt(new ReEncryptBody(dataKey.getCipherText(), from, "a", null, null, null)), 400,
                "KMS.0204");
        assertError(() -> reEncrypt(new ReEncryptBody("not a ciphertext", from, "a", to, null, null)), 400,
                "KMS.2201");
    }
}
