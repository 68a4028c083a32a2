package dev.keyport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Tencent Cloud KMS API 3.0 ({@code 2019-01-18}): POST / with a JSON body, signed TC3-HMAC-SHA256 over
 * {@code content-type;host} as the official SDKs sign (Tencent's "signature v3" page); errors are HTTP 200 with
 * {@code Response.Error.Code}.
 */
final class TencentClient implements PascalCaseRequests {

    static final String SECRET_ID = "AKIDKEYPORTLOCALDEV";
    static final String SECRET_KEY = "keyport-local-dev-secret";
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final String SERVICE = "kms";

    private record DayKey(long day, String date, byte[] key) {
    }

    private final String name;
    private final int port;
    private final String host;
    private final String region;
    private volatile DayKey dayKey = new DayKey(-1, "", new byte[0]);

    TencentClient(String name, int port, String region) {
        this.name = name;
        this.port = port;
        this.host = "127.0.0.1:" + port;
        this.region = region;
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
        long timestamp = System.currentTimeMillis() / 1000;
        DayKey day = signingKey(timestamp / 86_400);
        String canonical = "POST\n/\n\ncontent-type:" + CONTENT_TYPE + "\nhost:" + host + "\n\ncontent-type;host\n"
                + Hashing.sha256Hex(request.body());
        String scope = day.date() + "/" + SERVICE + "/tc3_request";
        String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + Hashing.sha256Hex(canonical);
        String authorization = "TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/" + scope
                + ", SignedHeaders=content-type;host, Signature=" + Hashing.hex(Hashing.hmac(day.key(), toSign));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", CONTENT_TYPE)
                .add("Authorization", authorization)
                .add("X-TC-Action", request.action())
                .add("X-TC-Version", "2019-01-18")
                .add("X-TC-Region", region)
                .add("X-TC-Timestamp", Long.toString(timestamp));
        return new Call(HttpMethod.POST, "/", headers, Buffer.buffer(request.body()));
    }

    /** The derived key of the day (UTC): HMAC chain over "TC3" + SecretKey, the date, the service, "tc3_request". */
    private DayKey signingKey(long epochDay) {
        DayKey current = dayKey;
        if (current.day() != epochDay) {
            String date = LocalDate.ofEpochDay(epochDay).toString();
            byte[] key = Hashing.hmac(("TC3" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date);
            key = Hashing.hmac(key, SERVICE);
            key = Hashing.hmac(key, "tc3_request");
            current = new DayKey(epochDay, date, key);
            dayKey = current;
        }
        return current;
    }

    @Override
    public String error(int status, Buffer body) {
        if (status != 200) {
            return "HTTP " + status;
        }
        String text = body.toString(StandardCharsets.UTF_8);
        if (!text.contains("\"Error\"")) {
            return null;
        }
        String code = Target.stringField(text, "\"Error\"", "Code");
        return code == null ? "Error without Code" : code;
    }

    @Override
    public String label(Op op) {
        return switch (op) {
            case DESCRIBE -> "DescribeKey";
            case ENCRYPT -> "Encrypt";
            case DATA_KEY -> "GenerateDataKey";
            case DECRYPT -> "Decrypt";
            case DISABLE_ENABLE -> "DisableKey+EnableKey";
            case CYCLE -> "DeleteImportedKeyMaterial+ImportKeyMaterial";
            case CREATE -> "CreateKey";
            case GET_PARAMETERS -> "GetParametersForImport";
            case LIST -> "ListKeyDetail";
        };
    }

    @Override
    public Request importMaterial(String keyId, String token, String wrappedMaterial) {
        return new Request("ImportKeyMaterial", Json.object("EncryptedKeyMaterial", wrappedMaterial,
                "ImportToken", token, "KeyId", keyId));
    }

    @Override
    public Request create(String alias, boolean external) {
        return new Request("CreateKey", Json.object("Alias", alias, "Type", external ? 2 : 1));
    }

    @Override
    public Request parameters(String keyId) {
        return new Request("GetParametersForImport", Json.object("KeyId", keyId,
                "WrappingAlgorithm", "RSAES_OAEP_SHA_256", "WrappingKeySpec", "RSA_2048"));
    }

    @Override
    public Request list() {
        return new Request("ListKeyDetail", Json.object("Offset", 0, "Limit", 100));
    }

    @Override
    public String createdKeyId(JsonNode answer) {
        return Json.text(answer, "Response", "KeyId");
    }

    @Override
    public String ciphertext(JsonNode answer) {
        return Json.text(answer, "Response", "CiphertextBlob");
    }

    @Override
    public ImportParameters importParameters(JsonNode answer) {
        return new ImportParameters(Json.text(answer, "Response", "PublicKey"),
                Json.text(answer, "Response", "ImportToken"));
    }
}
