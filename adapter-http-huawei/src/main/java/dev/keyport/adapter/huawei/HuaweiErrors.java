package dev.keyport.adapter.huawei;

import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;

/**
 * Every domain refusal as Huawei's HTTP status and KMS code, in one exhaustive table. The choices for cases Huawei
 * does not document are listed in the README's compatibility notes.
 */
final class HuaweiErrors {

    /** One row of the table. */
    record Row(int status, String code, String message) {
    }

    private HuaweiErrors() {
    }

    static Row row(DomainErrorCode code) {
        return switch (code) {
            case INVALID_VALUE, INVALID_CLOUD_RESOURCE -> bad("KMS.0308", "Invalid parameter.");
            case INVALID_KEY_ID -> bad("KMS.0205", "Invalid key ID.");
            case INVALID_ALIAS -> bad("KMS.1101", "Invalid key_alias.");
            case INVALID_DESCRIPTION -> bad("KMS.1103", "Invalid key_description.");
            case INVALID_DELETION_WINDOW -> bad("KMS.1401", "Set the pending deletion period between 7 to 1096 days.");
            case INVALID_PLAINTEXT -> bad("KMS.2101", "Invalid plain_text.");
            case KEY_NOT_FOUND -> new Row(404, "KMS.0207", "The key does not exist.");
            case ALIAS_ALREADY_EXISTS -> bad("KMS.1104", "Duplicate key aliases.");
            case NOT_EXTERNAL_KEY -> bad("KMS.0309", "External keys required.");
            case KEY_NOT_DISABLED -> bad("KMS.1201", "The key is not disabled.");
            case KEY_NOT_ENABLED -> bad("KMS.1301", "The key is not enabled.");
            case KEY_SHOULD_BE_DISABLED, BINDING_STATE_NOT_SUPPORTED ->
                    bad("KMS.0308", "Invalid parameter: the key's state does not allow this operation.");
            case KEY_ALREADY_PENDING_DELETE -> bad("KMS.1402", "The key is already in Pending deletion state.");
            case KEY_NOT_PENDING_DELETE -> bad("KMS.1501", "The key is not in Pending deletion state.");
            case IMPORT_STATE_NOT_SUPPORTED -> bad("KMS.0310", "The key is not in Pending import state.");
            case MATERIAL_DELETE_STATE_NOT_SUPPORTED ->
                    bad("KMS.2701", "Key material is not in Enabled or Disabled state and cannot be deleted.");
            case KEY_DISABLED -> bad("KMS.0209", "The key has been disabled.");
            case KEY_PENDING_DELETE -> bad("KMS.0210", "The key is in Scheduled deletion state and cannot be used.");
            case KEY_PENDING_IMPORT -> bad("KMS.0308", "Invalid parameter: the key has no material, it is pending "
                    + "import.");
            case KEY_IN_USE_BY_CLOUD_RESOURCE ->
                    bad("KMS.0308", "Invalid parameter: the key is in use by a cloud resource.");
            case CLOUD_RESOURCE_BINDING_NOT_FOUND -> bad("KMS.0308", "Invalid parameter: no such binding.");
            case IMPORT_TOKEN_INVALID -> bad("KMS.2605", "Token verification failed.");
            case IMPORT_TOKEN_EXPIRED -> bad("KMS.2601", "Token expired.");
            case IMPORT_TOKEN_KEY_MISMATCH -> bad("KMS.2603", "Key IDs in the imported key and token do not match.");
            case MATERIAL_UNWRAP_FAILED -> bad("KMS.0311", "Failed to decrypt data using the RSA private key.");
            case MATERIAL_LENGTH_INVALID -> bad("KMS.2604", "The external key plaintext length must be 32 bytes.");
            case MATERIAL_MISMATCH -> bad("KMS.2606", "You are importing a deleted key again. The imported plaintext "
                    + "must be the same as the deleted key plaintext.");
            case MATERIAL_EXPIRY_NOT_IN_FUTURE ->
                    bad("KMS.2602", "Key expiration time must be later than the current time.");
            case INVALID_CIPHERTEXT, DECRYPTION_FAILED -> bad("KMS.2201", "Invalid cipher_text.");
            case CONCURRENT_MODIFICATION -> new Row(503, "KMS.0104",
                    "A system exception occurred: the key changed concurrently. Retry the request.");
        };
    }

    private static Row bad(String code, String message) {
        return new Row(400, code, message);
    }

    static HuaweiException of(DomainException e) {
        Row row = row(e.code());
        return HuaweiException.kms(row.status(), row.code(), row.message());
    }
}
