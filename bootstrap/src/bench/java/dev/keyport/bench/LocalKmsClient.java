package dev.keyport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;

/**
 * local-kms (nsmithuk/local-kms), the AWS KMS JSON 1.1 protocol: POST / with {@code X-Amz-Target:
 * TrentService.<Action>}, unsigned (it checks no signature); errors are 4xx with {@code __type}.
 */
final class LocalKmsClient implements PascalCaseRequests {

    private final int port;

    LocalKmsClient(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "local-kms";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Call sign(Request request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/x-amz-json-1.1")
                .add("X-Amz-Target", "TrentService." + request.action());
        return new Call(HttpMethod.POST, "/", headers, Buffer.buffer(request.body()));
    }

    @Override
    public String error(int status, Buffer body) {
        if (status == 200) {
            return null;
        }
        String type = Target.stringField(body.toString(StandardCharsets.UTF_8), null, "__type");
        return status + " " + (type == null ? "(no __type)" : type);
    }

    @Override
    public String label(Op op) {
        return switch (op) {
            case DESCRIBE -> "DescribeKey";
            case ENCRYPT -> "Encrypt";
            case DATA_KEY -> "GenerateDataKey";
            case CYCLE -> "DeleteImportedKeyMaterial+ImportKeyMaterial";
            case CREATE -> "CreateKey";
            case GET_PARAMETERS -> "GetParametersForImport";
            default -> throw new UnsupportedOperationException(op + " is not measured on local-kms");
        };
    }

    @Override
    public Request importMaterial(String keyId, String token, String wrappedMaterial) {
        return new Request("ImportKeyMaterial", Json.object("KeyId", keyId, "ImportToken", token,
                "EncryptedKeyMaterial", wrappedMaterial, "ExpirationModel", "KEY_MATERIAL_DOES_NOT_EXPIRE"));
    }

    @Override
    public Request create(String alias, boolean external) {
        return external
                ? new Request("CreateKey", Json.object("Origin", "EXTERNAL", "Description", alias))
                : new Request("CreateKey", Json.object("Description", alias));
    }

    @Override
    public Request parameters(String keyId) {
        return new Request("GetParametersForImport", Json.object("KeyId", keyId,
                "WrappingAlgorithm", "RSAES_OAEP_SHA_256", "WrappingKeySpec", "RSA_2048"));
    }

    @Override
    public Request list() {
        return new Request("ListKeys", Json.object("Limit", 100));
    }

    @Override
    public String createdKeyId(JsonNode answer) {
        return Json.text(answer, "KeyMetadata", "KeyId");
    }

    @Override
    public String ciphertext(JsonNode answer) {
        return Json.text(answer, "CiphertextBlob");
    }

    @Override
    public ImportParameters importParameters(JsonNode answer) {
        return new ImportParameters(Json.text(answer, "PublicKey"), Json.text(answer, "ImportToken"));
    }
}
