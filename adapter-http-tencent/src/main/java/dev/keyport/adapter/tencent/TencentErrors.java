package dev.keyport.adapter.tencent;

import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;

/**
 * Every domain refusal as Tencent's error code, in one exhaustive table: a new domain code does not compile here
 * until it is given its Tencent code. Codes are the documented ones of the action where there is one; the choices
 * for undocumented cases are listed in the README's compatibility notes.
 */
final class TencentErrors {

    private TencentErrors() {
    }

    static String code(DomainErrorCode code) {
        return switch (code) {
            case INVALID_VALUE, INVALID_DESCRIPTION, INVALID_CLOUD_RESOURCE, IMPORT_TOKEN_INVALID,
                 IMPORT_TOKEN_KEY_MISMATCH -> "InvalidParameter";
            case INVALID_KEY_ID -> "InvalidParameterValue.InvalidKeyId";
            case INVALID_ALIAS -> "InvalidParameterValue.InvalidAlias";
            case INVALID_DELETION_WINDOW -> "InvalidParameter.InvalidPendingWindowInDays";
            case INVALID_PLAINTEXT -> "InvalidParameterValue.InvalidPlaintext";
            case KEY_NOT_FOUND -> "ResourceUnavailable.CmkNotFound";
            case ALIAS_ALREADY_EXISTS -> "InvalidParameterValue.AliasAlreadyExists";
            case NOT_EXTERNAL_KEY -> "UnsupportedOperation.NotExternalCmk";
            case KEY_NOT_DISABLED, KEY_NOT_ENABLED, KEY_ALREADY_PENDING_DELETE, IMPORT_STATE_NOT_SUPPORTED,
                 MATERIAL_DELETE_STATE_NOT_SUPPORTED, BINDING_STATE_NOT_SUPPORTED, KEY_PENDING_DELETE,
                 KEY_PENDING_IMPORT -> "ResourceUnavailable.CmkStateNotSupport";
            case KEY_SHOULD_BE_DISABLED -> "ResourceUnavailable.CmkShouldBeDisabled";
            case KEY_NOT_PENDING_DELETE -> "ResourceUnavailable.CmkNotPendingDelete";
            case KEY_DISABLED -> "ResourceUnavailable.CmkDisabled";
            case KEY_IN_USE_BY_CLOUD_RESOURCE -> "FailedOperation.CmkUsedByCloudProduct";
            case CLOUD_RESOURCE_BINDING_NOT_FOUND -> "ResourceUnavailable.CloudResourceBindingNotFound";
            case IMPORT_TOKEN_EXPIRED -> "ResourceUnavailable.TokenExpired";
            case MATERIAL_UNWRAP_FAILED -> "InvalidParameter.DecryptMaterialError";
            case MATERIAL_LENGTH_INVALID -> "InvalidParameterValue.InvalidImportKeyMaterial";
            case MATERIAL_MISMATCH -> "InvalidParameterValue.MaterialNotMatch";
            case MATERIAL_EXPIRY_NOT_IN_FUTURE -> "InvalidParameterValue";
            case INVALID_CIPHERTEXT -> "InvalidParameterValue.InvalidCiphertext";
            case DECRYPTION_FAILED -> "FailedOperation.DecryptError";
            case CONCURRENT_MODIFICATION -> "UnsupportedOperation.ServiceTemporaryUnavailable";
        };
    }

    /**
     * The message a client sees: Tencent's documented wording where there is one, in Tencent's terms (its state
     * names), never Keyport's internal names.
     */
    static String message(DomainException e) {
        String state = e.state().map(TencentActions::state).map(s -> " (" + s + ")").orElse("");
        return switch (e.code()) {
            case INVALID_VALUE, INVALID_ALIAS, INVALID_DESCRIPTION, INVALID_CLOUD_RESOURCE -> e.getMessage() + ".";
            case INVALID_KEY_ID -> "Invalid KeyId.";
            case INVALID_DELETION_WINDOW -> "PendingWindowInDays must be between 7 and 30.";
            case INVALID_PLAINTEXT -> "Plaintext must be 1 to 4096 bytes once base64-decoded.";
            case KEY_NOT_FOUND -> "The CMK does not exist.";
            case ALIAS_ALREADY_EXISTS -> "The alias already exists.";
            case NOT_EXTERNAL_KEY -> "Incorrect CMK type. Only External CMKs are supported.";
            case KEY_NOT_DISABLED, KEY_NOT_ENABLED, KEY_ALREADY_PENDING_DELETE, IMPORT_STATE_NOT_SUPPORTED,
                 MATERIAL_DELETE_STATE_NOT_SUPPORTED, BINDING_STATE_NOT_SUPPORTED, KEY_PENDING_DELETE,
                 KEY_PENDING_IMPORT -> "This operation cannot be performed under the current CMK status" + state + ".";
            case KEY_SHOULD_BE_DISABLED -> "The CMK should be disabled before it is scheduled for deletion.";
            case KEY_NOT_PENDING_DELETE -> "The CMK is not pending deletion.";
            case KEY_DISABLED -> "The CMK is disabled.";
            case KEY_IN_USE_BY_CLOUD_RESOURCE -> "The CMK is being used by a Tencent Cloud product.";
            case CLOUD_RESOURCE_BINDING_NOT_FOUND -> "The CMK is not bound to this cloud resource.";
            case IMPORT_TOKEN_INVALID -> "The ImportToken is invalid.";
            case IMPORT_TOKEN_EXPIRED -> "The ImportToken has expired.";
            case IMPORT_TOKEN_KEY_MISMATCH -> "The ImportToken was issued for another CMK.";
            case MATERIAL_UNWRAP_FAILED -> "Failed to decrypt EncryptedKeyMaterial.";
            case MATERIAL_LENGTH_INVALID -> "The key material must be 16 or 32 bytes.";
            case MATERIAL_MISMATCH -> "The imported key material is different from the historically imported one.";
            case MATERIAL_EXPIRY_NOT_IN_FUTURE -> "ValidTo must be later than the current time.";
            case INVALID_CIPHERTEXT -> "The ciphertext is invalid.";
            case DECRYPTION_FAILED -> "Decryption failed: the ciphertext does not match its CMK or EncryptionContext.";
            case CONCURRENT_MODIFICATION -> "The service is temporarily unavailable; retry the request.";
        };
    }

    static TencentException of(DomainException e) {
        return new TencentException(code(e.code()), message(e));
    }
}
