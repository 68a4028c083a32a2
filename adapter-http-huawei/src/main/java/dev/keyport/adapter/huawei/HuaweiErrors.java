package dev.keyport.adapter.huawei;

import dev.keyport.domain.DeletionWindow;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.LifecyclePolicy;
import java.util.stream.Collectors;

/**
 * Every refusal this adapter gives, as Huawei's HTTP status, code and message, in one table: the API gateway's own
 * (answered flat, with a request id), KMS's refusals of a request, and — exhaustively — every domain refusal. A
 * message that quotes one of Huawei's numbers is rendered from the request's {@link LifecyclePolicy}. The choices for
 * cases Huawei does not document are listed in the README's compatibility notes.
 */
final class HuaweiErrors {

    /**
     * One row of the table. A row takes a detail after its message: "Invalid parameter." with "origin" reads "Invalid
     * parameter: origin."; a message without a final period takes its detail without one.
     */
    record Row(int status, String code, String message) {

        /** The API gateway's codes, {@code APIGW.*}, are answered flat with a {@code request_id}; KMS's nested. */
        boolean gateway() {
            return code.startsWith("APIGW.");
        }

        Row because(String detail) {
            boolean period = message.endsWith(".");
            String stem = period ? message.substring(0, message.length() - 1) : message;
            return new Row(status, code, stem + ": " + detail + (period ? "." : ""));
        }

        HuaweiException exception() {
            return new HuaweiException(this);
        }

        HuaweiException exception(String detail) {
            return because(detail).exception();
        }
    }

    // ------------------------------------------------------------------ the API gateway's own: flat, with request_id
    static final Row NO_SUCH_API = new Row(404, "APIGW.0101",
            "The API does not exist or has not been published in the environment");
    static final Row BAD_REQUEST = bad("APIGW.0201", "Bad request.");
    static final Row URI_TOO_LARGE = new Row(414, "APIGW.0201", "Request URI too large.");
    static final Row HEADERS_TOO_LARGE = new Row(431, "APIGW.0201", "Request headers too large.");
    static final Row UNAUTHENTICATED = new Row(401, "APIGW.0301", "Incorrect IAM authentication information");
    static final Row THROTTLED = new Row(429, "APIGW.0308", "The throttling threshold has been reached");

    // ------------------------------------------------------------------ KMS: the service and the request's form
    static final Row INTERNAL = new Row(500, "KMS.0101", "KMS error.");
    static final Row STOPPING = new Row(503, "KMS.0104",
            "A system exception occurred: Keyport is stopping. Retry the request.");
    static final Row STORE_UNAVAILABLE = new Row(503, "KMS.0104",
            "A system exception occurred: the key store is unavailable. Retry the request.");
    static final Row CONCURRENT_CHANGE = new Row(503, "KMS.0104",
            "A system exception occurred: the key changed concurrently. Retry the request.");
    static final Row INVALID_JSON = bad("KMS.0202", "Invalid JSON format of the request message.");
    static final Row TOO_LONG = bad("KMS.0203", "Request message too long.");
    static final Row MISSING = bad("KMS.0204", "Parameters missing in the request message.");
    static final Row INVALID_KEY_ID = bad("KMS.0205", "Invalid key ID.");
    static final Row INVALID_SEQUENCE = bad("KMS.0206", "Invalid sequence number.");
    static final Row KEY_NOT_FOUND = new Row(404, "KMS.0207", "The key does not exist.");
    static final Row INVALID_CONTEXT = bad("KMS.0208", "Invalid value of value encryption_context.");
    static final Row NOT_JSON = bad("KMS.0214", "The request format is invalid.");
    static final Row METHOD_NOT_ALLOWED = new Row(405, "KMS.0215", "Request method not supported.");
    static final Row NO_ACCESS = new Row(403, "KMS.0306", "No access permissions.");
    static final Row INVALID_PARAMETER = bad("KMS.0308", "Invalid parameter.");
    static final Row PROJECT_MISMATCH = new Row(403, "KMS.0321", "URIs in URL and X-Project-Id do not match.");
    static final Row ASYMMETRIC_ONLY = bad("KMS.0325", "The asymmetric key is not support this operation.");
    static final Row NO_KEYSTORE = bad("KMS.0340", "not support keystore.");

    // ------------------------------------------------------------------ KMS: keys, import, crypto
    static final Row KEY_DISABLED = bad("KMS.0209", "The key has been disabled.");
    static final Row KEY_PENDING_DELETE = bad("KMS.0210", "The key is in Scheduled deletion state and cannot be used.");
    static final Row NOT_EXTERNAL = bad("KMS.0309", "External keys required.");
    static final Row NOT_PENDING_IMPORT = bad("KMS.0310", "The key is not in Pending import state.");
    static final Row UNWRAP_FAILED = bad("KMS.0311", "Failed to decrypt data using the RSA private key.");
    static final Row INVALID_ALIAS = bad("KMS.1101", "Invalid key_alias.");
    static final Row INVALID_DESCRIPTION = bad("KMS.1103", "Invalid key_description.");
    static final Row DUPLICATE_ALIAS = bad("KMS.1104", "Duplicate key aliases.");
    static final Row INVALID_KEY_SPEC = bad("KMS.1110", "Invalid alg_type.");
    static final Row SYMMETRIC_USAGE = bad("KMS.1115", "Symmetric keys do not support to sign/verify.");
    static final Row KEY_NOT_DISABLED = bad("KMS.1201", "The key is not disabled.");
    static final Row KEY_NOT_ENABLED = bad("KMS.1301", "The key is not enabled.");
    static final Row ALREADY_PENDING_DELETE = bad("KMS.1402", "The key is already in Pending deletion state.");
    static final Row NOT_PENDING_DELETE = bad("KMS.1501", "The key is not in Pending deletion state.");
    static final Row INVALID_LIMIT = bad("KMS.1601", "Invalid limit.");
    static final Row INVALID_MARKER = bad("KMS.1602", "marker must be greater than or equals 0.");
    static final Row RANDOM_LENGTH_RANGE = bad("KMS.1801", "random_data_length must be 8 to 8,192 bits.");
    static final Row RANDOM_LENGTH_NOT_BYTES = bad("KMS.1802", "random_data_length must be a multiple of 8.");
    static final Row DATA_KEY_LENGTH_RANGE = bad("KMS.1901",
            "datakey_length must be in the range 8 bits to 8,192 bits.");
    static final Row DATA_KEY_SPEC = bad("KMS.1902", "key_spec can only be AES_128 or AES_256.");
    static final Row DATA_KEY_LENGTH_NOT_BYTES = bad("KMS.1903", "datakey_length must be a multiple of 8.");
    static final Row INVALID_PLAINTEXT = bad("KMS.2101", "Invalid plain_text.");
    static final Row DATA_KEY_PLAIN_LENGTH = bad("KMS.2102", "datakey_plain_length must be 1 to 1,024 bytes.");
    static final Row DATA_KEY_DIGEST_MISMATCH = bad("KMS.2103", "Failed to verify the DEK hash.");
    static final Row PLAIN_TEXT_LENGTH_MISMATCH = bad("KMS.2104",
            "The length of plain_text does not match datakey_plain_length.");
    static final Row UNSUPPORTED_ALGORITHM = bad("KMS.2105",
            "The symmetric key not support this encryption algorithm.");
    static final Row INVALID_CIPHERTEXT = bad("KMS.2201", "Invalid cipher_text.");
    static final Row DATA_KEY_CIPHER_LENGTH = bad("KMS.2202", "datakey_cipher_length must be 1 to 1,024 bytes.");
    static final Row CIPHER_TEXT_LENGTH_MISMATCH = bad("KMS.2204",
            "The length of cipher_text does not match datakey_cipher_length.");
    static final Row TOKEN_EXPIRED = bad("KMS.2601", "Token expired.");
    static final Row EXPIRY_NOT_IN_FUTURE = bad("KMS.2602", "Key expiration time must be later than the current time.");
    static final Row TOKEN_KEY_MISMATCH = bad("KMS.2603", "Key IDs in the imported key and token do not match.");
    static final Row TOKEN_INVALID = bad("KMS.2605", "Token verification failed.");
    static final Row MATERIAL_MISMATCH = bad("KMS.2606", "You are importing a deleted key again. The imported "
            + "plaintext must be the same as the deleted key plaintext.");
    static final Row MATERIAL_NOT_DELETABLE = bad("KMS.2701",
            "Key material is not in Enabled or Disabled state and cannot be deleted.");

    /** The deletion window, in the policy's numbers. */
    static Row deletionWindow(LifecyclePolicy policy) {
        DeletionWindow window = policy.deletionWindow();
        return bad("KMS.1401", "Set the pending deletion period between " + window.minDays() + " to "
                + window.maxDays() + " days.");
    }

    /** The material lengths the policy accepts. */
    static Row materialLength(LifecyclePolicy policy) {
        return bad("KMS.2604", "The external key plaintext length must be " + policy.materialLengths().stream()
                .sorted().map(String::valueOf).collect(Collectors.joining(" or ")) + " bytes.");
    }

    /** An operation of Huawei's API that Keyport does not serve: a code of Keyport's own (see the README). */
    static Row notImplemented(String label, String sdkMethod) {
        return bad("KEYPORT.0001", label + " (KmsClient." + sdkMethod + ") is not implemented by Keyport.");
    }

    private HuaweiErrors() {
    }

    /** Every domain refusal, exhaustively: a new code is a compile error here. */
    static Row row(DomainErrorCode code, LifecyclePolicy policy) {
        return switch (code) {
            case INVALID_VALUE, INVALID_CLOUD_RESOURCE -> INVALID_PARAMETER;
            case INVALID_KEY_ID -> INVALID_KEY_ID;
            case INVALID_ALIAS -> INVALID_ALIAS;
            case INVALID_DESCRIPTION -> INVALID_DESCRIPTION;
            case INVALID_DELETION_WINDOW -> deletionWindow(policy);
            case INVALID_PLAINTEXT -> INVALID_PLAINTEXT;
            case INVALID_DATA_KEY_LENGTH -> DATA_KEY_LENGTH_RANGE;
            case INVALID_RANDOM_LENGTH -> RANDOM_LENGTH_RANGE;
            case KEY_NOT_FOUND -> KEY_NOT_FOUND;
            case ALIAS_ALREADY_EXISTS -> DUPLICATE_ALIAS;
            case NOT_EXTERNAL_KEY -> NOT_EXTERNAL;
            case KEY_NOT_DISABLED -> KEY_NOT_DISABLED;
            case KEY_NOT_ENABLED -> KEY_NOT_ENABLED;
            case KEY_SHOULD_BE_DISABLED, BINDING_STATE_NOT_SUPPORTED ->
                    INVALID_PARAMETER.because("the key's state does not allow this operation");
            case KEY_ALREADY_PENDING_DELETE -> ALREADY_PENDING_DELETE;
            case KEY_NOT_PENDING_DELETE -> NOT_PENDING_DELETE;
            case IMPORT_STATE_NOT_SUPPORTED -> NOT_PENDING_IMPORT;
            case MATERIAL_DELETE_STATE_NOT_SUPPORTED -> MATERIAL_NOT_DELETABLE;
            case KEY_DISABLED -> KEY_DISABLED;
            case KEY_PENDING_DELETE -> KEY_PENDING_DELETE;
            case KEY_PENDING_IMPORT -> INVALID_PARAMETER.because("the key has no material, it is pending import");
            case KEY_IN_USE_BY_CLOUD_RESOURCE -> INVALID_PARAMETER.because("the key is in use by a cloud resource");
            case CLOUD_RESOURCE_BINDING_NOT_FOUND -> INVALID_PARAMETER.because("no such binding");
            case IMPORT_TOKEN_INVALID -> TOKEN_INVALID;
            case IMPORT_TOKEN_EXPIRED -> TOKEN_EXPIRED;
            case IMPORT_TOKEN_KEY_MISMATCH -> TOKEN_KEY_MISMATCH;
            case MATERIAL_UNWRAP_FAILED -> UNWRAP_FAILED;
            case MATERIAL_LENGTH_INVALID -> materialLength(policy);
            case MATERIAL_MISMATCH -> MATERIAL_MISMATCH;
            case MATERIAL_EXPIRY_NOT_IN_FUTURE -> EXPIRY_NOT_IN_FUTURE;
            case INVALID_CIPHERTEXT, DECRYPTION_FAILED -> INVALID_CIPHERTEXT;
            case CONCURRENT_MODIFICATION -> CONCURRENT_CHANGE;
        };
    }

    static HuaweiException of(DomainException e, LifecyclePolicy policy) {
        return row(e.code(), policy).exception();
    }

    private static Row bad(String code, String message) {
        return new Row(400, code, message);
    }
}
