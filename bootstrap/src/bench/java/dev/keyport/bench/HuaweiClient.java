package dev.keyport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Huawei Cloud KMS v1.0: POST /v1.0/{project_id}/kms/{operation} with a JSON body, signed SDK-HMAC-SHA256 (Huawei's
 * AK/SK signing guide: no key derivation, the canonical URI ending in "/", the signed headers as listed); errors are
 * 4xx/5xx with {@code error.error_code} (the gateway's own: a flat {@code error_code}).
 */
final class HuaweiClient implements KmsClient {

    static final String AK = "KEYPORTLOCALDEVAK";
    static final String SK = "keyport-local-dev-secret";
    static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String CONTENT_TYPE = "application/json;charset=UTF-8";
    private static final String SIGNED_HEADERS = "host;x-project-id;x-sdk-date";
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private record Second(long epochSecond, String sdkDate) {
    }

    private final String name;
    private final int port;
    private final String host;
    private final byte[] secret = SK.getBytes(StandardCharsets.UTF_8);
    private volatile Second second = new Second(-1, "");

    HuaweiClient(String name, int port) {
        this.name = name;
        this.port = port;
        this.host = "127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Call sign(Request request) {
        String date = sdkDate(System.currentTimeMillis() / 1000);
        String path = "/v1.0/" + PROJECT + "/kms/" + request.action();
        String canonical = "POST\n" + path + "/\n\nhost:" + host + "\nx-project-id:" + PROJECT + "\nx-sdk-date:"
                + date + "\n\n" + SIGNED_HEADERS + "\n" + Hashing.sha256Hex(request.body());
        String toSign = "SDK-HMAC-SHA256\n" + date + "\n" + Hashing.sha256Hex(canonical);
        String authorization = "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=" + SIGNED_HEADERS
                + ", Signature=" + Hashing.hex(Hashing.hmac(secret, toSign));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", CONTENT_TYPE)
                .add("X-Sdk-Date", date)
                .add("X-Project-Id", PROJECT)
                .add("Authorization", authorization);
        return new Call(HttpMethod.POST, path, headers, Buffer.buffer(request.body()));
    }

    private String sdkDate(long epochSecond) {
        Second current = second;
        if (current.epochSecond() != epochSecond) {
            current = new Second(epochSecond, SDK_DATE.format(Instant.ofEpochSecond(epochSecond)));
            second = current;
        }
        return current.sdkDate();
    }

    @Override
    public String error(int status, Buffer body) {
        if (status / 100 == 2) {
            return null;
        }
        String code = Target.stringField(body.toString(StandardCharsets.UTF_8), null, "error_code");
        return status + " " + (code == null ? "(no error_code)" : code);
    }

    @Override
    public String label(Op op) {
        return switch (op) {
            case DESCRIBE -> "describe-key";
            case ENCRYPT -> "encrypt-data";
            case DATA_KEY -> "create-datakey";
            case DECRYPT -> "decrypt-data";
            case DISABLE_ENABLE -> "disable-key+enable-key";
            case CYCLE -> "delete-imported-key-material+import-key-material";
            case CREATE -> "create-key";
            case GET_PARAMETERS -> "get-parameters-for-import";
            case LIST -> "list-keys";
        };
    }

    @Override
    public Request describe(String keyId) {
        return new Request("describe-key", Json.object("key_id", keyId));
    }

    @Override
    public Request encrypt(String keyId, byte[] plaintext) {
        return new Request("encrypt-data", Json.object("key_id", keyId, "plain_text",
                new String(plaintext, StandardCharsets.UTF_8)));
    }

    @Override
    public Request dataKey(String keyId) {
        return new Request("create-datakey", Json.object("key_id", keyId, "datakey_length", "256"));
    }

    @Override
    public Request decrypt(String ciphertext) {
        return new Request("decrypt-data", Json.object("cipher_text", ciphertext));
    }

    @Override
    public Request disable(String keyId) {
        return new Request("disable-key", Json.object("key_id", keyId));
    }

    @Override
    public Request enable(String keyId) {
        return new Request("enable-key", Json.object("key_id", keyId));
    }

    @Override
    public Request deleteMaterial(String keyId) {
        return new Request("delete-imported-key-material", Json.object("key_id", keyId));
    }

    @Override
    public Request importMaterial(String keyId, String token, String wrappedMaterial) {
        return new Request("import-key-material", Json.object("key_id", keyId, "import_token", token,
                "encrypted_key_material", wrappedMaterial));
    }

    @Override
    public Request create(String alias, boolean external) {
        return external
                ? new Request("create-key", Json.object("key_alias", alias, "origin", "external"))
                : new Request("create-key", Json.object("key_alias", alias));
    }

    @Override
    public Request parameters(String keyId) {
        return new Request("get-parameters-for-import", Json.object("key_id", keyId,
                "wrapping_algorithm", "RSAES_OAEP_SHA_256"));
    }

    @Override
    public Request list() {
        return new Request("list-keys", Json.object("limit", "100"));
    }

    @Override
    public String createdKeyId(JsonNode answer) {
        return Json.text(answer, "key_info", "key_id");
    }

    @Override
    public String ciphertext(JsonNode answer) {
        return Json.text(answer, "cipher_text");
    }

    @Override
    public ImportParameters importParameters(JsonNode answer) {
        return new ImportParameters(Json.text(answer, "public_key"), Json.text(answer, "import_token"));
    }
}
