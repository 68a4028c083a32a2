package dev.keyport.adapter.tencent;

import dev.keyport.domain.Cmk;
import dev.keyport.domain.DeletionWindow;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.LifecyclePolicy;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every domain refusal as Tencent's error, in one exhaustive table of rows: a new domain code does not compile here
 * until it is given its row. Codes are the documented ones of the action where there is one; the choices for
 * undocumented cases are listed in the README's compatibility notes. Messages are Tencent's documented wording
 * where there is one, in Tencent's terms (its state names), never Keyport's internal names; a number a message
 * quotes comes from the caller's {@link LifecyclePolicy} or the domain's constant, never restated here.
 */
final class TencentErrors {

    /** Tencent answers every request, an error too, with HTTP 200: the error is in the envelope. */
    static final int STATUS = 200;

    /** One row of the table. */
    record Row(int status, String code, String message) {
    }

    private TencentErrors() {
    }

    /**
     * @param detail the domain's own words for a refused value, which the rows of a malformed value repeat
     * @param state  the key's state when the refusal names one
     * @param policy the rules of the caller's protocol, whose numbers the rows quote
     */
    static Row row(DomainErrorCode code, String detail, Optional<KeyState> state, LifecyclePolicy policy) {
        String in = state.map(TencentViews::state).map(s -> " (" + s + ")").orElse("");
        DeletionWindow window = policy.deletionWindow();
        return switch (code) {
            case INVALID_VALUE, INVALID_DESCRIPTION, INVALID_CLOUD_RESOURCE -> row("InvalidParameter", detail + ".");
            case INVALID_KEY_ID -> row("InvalidParameterValue.InvalidKeyId", "Invalid KeyId.");
            case INVALID_ALIAS -> row("InvalidParameterValue.InvalidAlias", detail + ".");
            case INVALID_DELETION_WINDOW -> row("InvalidParameter.InvalidPendingWindowInDays",
                    "PendingWindowInDays must be between " + window.minDays() + " and " + window.maxDays() + ".");
            case INVALID_PLAINTEXT -> row("InvalidParameterValue.InvalidPlaintext",
                    "Plaintext must be 1 to " + Cmk.MAX_PLAINTEXT_BYTES + " bytes once base64-decoded.");
            case KEY_NOT_FOUND -> row("ResourceUnavailable.CmkNotFound", "The CMK does not exist.");
            case ALIAS_ALREADY_EXISTS -> row("InvalidParameterValue.AliasAlreadyExists", "The alias already exists.");
            case NOT_EXTERNAL_KEY -> row("UnsupportedOperation.NotExternalCmk",
                    "Incorrect CMK type. Only External CMKs are supported.");
            case KEY_NOT_DISABLED, KEY_NOT_ENABLED, KEY_ALREADY_PENDING_DELETE, IMPORT_STATE_NOT_SUPPORTED,
                 MATERIAL_DELETE_STATE_NOT_SUPPORTED, BINDING_STATE_NOT_SUPPORTED, KEY_PENDING_DELETE,
                 KEY_PENDING_IMPORT -> row("ResourceUnavailable.CmkStateNotSupport",
                    "This operation cannot be performed under the current CMK status" + in + ".");
            case KEY_SHOULD_BE_DISABLED -> row("ResourceUnavailable.CmkShouldBeDisabled",
                    "The CMK should be disabled before it is scheduled for deletion.");
            case KEY_NOT_PENDING_DELETE -> row("ResourceUnavailable.CmkNotPendingDelete",
                    "The CMK is not pending deletion.");
            case KEY_DISABLED -> row("ResourceUnavailable.CmkDisabled", "The CMK is disabled.");
            case KEY_IN_USE_BY_CLOUD_RESOURCE -> row("FailedOperation.CmkUsedByCloudProduct",
                    "The CMK is being used by a Tencent Cloud product.");
            case CLOUD_RESOURCE_BINDING_NOT_FOUND -> row("ResourceUnavailable.CloudResourceBindingNotFound",
                    "The CMK is not bound to this cloud resource.");
            case IMPORT_TOKEN_INVALID -> row("InvalidParameter", "The ImportToken is invalid.");
            case IMPORT_TOKEN_EXPIRED -> row("ResourceUnavailable.TokenExpired", "The ImportToken has expired.");
            case IMPORT_TOKEN_KEY_MISMATCH -> row("InvalidParameter", "The ImportToken was issued for another CMK.");
            case MATERIAL_UNWRAP_FAILED -> row("InvalidParameter.DecryptMaterialError",
                    "Failed to decrypt EncryptedKeyMaterial.");
            case MATERIAL_LENGTH_INVALID -> row("InvalidParameterValue.InvalidImportKeyMaterial",
                    "The key material must be " + TencentException.either(new TreeSet<>(policy.materialLengths()))
                            + " bytes.");
            case MATERIAL_MISMATCH -> row("InvalidParameterValue.MaterialNotMatch",
                    "The imported key material is different from the historically imported one.");
            case MATERIAL_EXPIRY_NOT_IN_FUTURE -> row("InvalidParameterValue",
                    "ValidTo must be later than the current time.");
            case INVALID_CIPHERTEXT -> row("InvalidParameterValue.InvalidCiphertext", "The ciphertext is invalid.");
            case DECRYPTION_FAILED -> row("FailedOperation.DecryptError",
                    "Decryption failed: the ciphertext does not match its CMK or EncryptionContext.");
            case CONCURRENT_MODIFICATION -> row("UnsupportedOperation.ServiceTemporaryUnavailable",
                    "The service is temporarily unavailable; retry the request.");
        };
    }

    private static Row row(String code, String message) {
        return new Row(STATUS, code, message);
    }

    /** The Tencent code of a domain code (the same under every policy). */
    static String code(DomainErrorCode code) {
        return row(code, "", Optional.empty(), LifecyclePolicy.NEUTRAL).code();
    }

    /** A domain refusal as the caller's protocol answers it. */
    static TencentException of(DomainException e, LifecyclePolicy policy) {
        return of(row(e.code(), e.getMessage(), e.state(), policy));
    }

    /** The row of a domain code for a refusal the adapter makes itself, before any key is looked at. */
    static TencentException of(DomainErrorCode code, LifecyclePolicy policy) {
        return of(row(code, "", Optional.empty(), policy));
    }

    private static TencentException of(Row row) {
        return new TencentException(row.code(), row.message());
    }
}
