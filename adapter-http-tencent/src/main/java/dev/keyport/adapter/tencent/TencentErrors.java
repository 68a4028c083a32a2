package dev.keyport.adapter.tencent;

import dev.keyport.domain.Cmk;
import dev.keyport.domain.DataKey;
import dev.keyport.domain.DeletionWindow;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.LifecyclePolicy;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every refusal this adapter gives, as Tencent's status, code and message, in one table: the protocol's own
 * (the request, its signature, its routing, the service), the refusals of an action's parameters, and —
 * exhaustively — every domain refusal. Tencent answers every request with HTTP 200; the code and message are in the
 * envelope. Codes are the documented ones of the action where there is one; the choices for undocumented cases are
 * listed in the README's compatibility notes. Messages are Tencent's documented wording where there is one, in
 * Tencent's terms (its state names), never Keyport's internal names; a number a message quotes comes from the
 * request's {@link LifecyclePolicy} or the domain's constant, never restated here.
 */
final class TencentErrors {

    /** Tencent answers every request, an error too, with HTTP 200. */
    static final int STATUS = 200;

    /**
     * One row of the table. A message may name what the client sent: each {@code %s} takes one value, quoted with
     * {@link TencentException#quote} where it is the client's text.
     */
    record Row(int status, String code, String message) {

        TencentException exception(Object... values) {
            return new TencentException(values.length == 0 ? this : new Row(status, code, message.formatted(values)));
        }
    }

    // ------------------------------------------------------------------------------------------ the request's form
    static final Row NOT_SERVED_HERE = row("UnsupportedProtocol",
            "Tencent Cloud API 3.0 is served at the path / only.");
    static final Row NOT_HTTP = row("UnsupportedProtocol", "The request is not well-formed HTTP/1.1.");
    static final Row METHOD_NOT_SUPPORTED = row("UnsupportedProtocol", "Only GET and POST requests are supported.");
    static final Row MEDIA_TYPE_NOT_SUPPORTED = row("UnsupportedProtocol",
            "POST requests are application/json (TC3) or application/x-www-form-urlencoded (v1).");
    static final Row CHARSET_NOT_SUPPORTED = row("UnsupportedProtocol",
            "Requests are encoded in UTF-8; charset %s is not supported.");
    static final Row MULTIPART = row("InvalidRequest", "multipart/form-data requests are not supported.");
    /** What the router refuses for its path or method (HTTP 404, 405). */
    static final Row UNREADABLE_ROUTE = row("UnsupportedProtocol", "The request cannot be read (HTTP %s).");
    /** What the HTTP layer refuses otherwise. */
    static final Row UNREADABLE = row("InvalidParameter", "The request cannot be read (HTTP %s).");
    static final Row TOO_LARGE = row("RequestSizeLimitExceeded",
            "The request exceeds the size limit of %s KB for its kind.");
    static final Row HEAD_TOO_LARGE = row("RequestSizeLimitExceeded",
            "The request line (64 KB) or the headers (8 KB) exceed their size limit.");
    static final Row BODY_ON_GET = row("InvalidParameter",
            "A GET request carries its parameters in the query string, and no body.");
    static final Row QUERY_ON_POST = row("InvalidParameter",
            "A POST request carries its parameters in its body; its query string must be empty.");
    static final Row HEADER_TWICE = row("InvalidParameter", "The header %s is sent more than once.");
    static final Row HEADER_CONTROL_CHARACTER = row("InvalidParameter", "The header %s holds a control character.");
    static final Row NAMELESS_PARAMETER = row("InvalidParameter", "A parameter in %s has no name.");
    static final Row PARAMETER_TWICE = row("InvalidParameter", "The parameter %s is given more than once.");
    static final Row TOO_MANY_PARAMETERS = row("InvalidParameter", "A request has at most %s parameters.");
    static final Row NOT_PERCENT_ENCODED = row("InvalidParameter",
            "The parameters in %s are not percent-encoded UTF-8.");
    static final Row EMPTY_NAME_PART = row("InvalidParameter", "The parameter name %s has an empty part.");
    static final Row NON_CANONICAL_INDEX = row("InvalidParameter",
            "The parameter name %s has an index that is not 0 to 9999 without leading zeros.");
    static final Row CONFLICTING_PARAMETER = row("InvalidParameter",
            "The parameter %s conflicts with another parameter.");
    static final Row ARRAY_GAP = row("InvalidParameter",
            "The array %s has a gap: its indexes must run from 0 to its length - 1.");
    static final Row UNDERSCORE_IN_NAME = row("InvalidParameter",
            "The parameter %s has a '_', which the signature reads as '.'; no KMS parameter has one.");
    static final Row MISSING = row("MissingParameter", "The request is missing a required parameter %s.");
    /** A parameter, its name and why. */
    static final Row INVALID = row("InvalidParameter", "The parameter %s %s.");
    /** A parameter's value, its name and why. */
    static final Row INVALID_VALUE = row("InvalidParameterValue", "The value of %s %s.");
    static final Row UNKNOWN = row("UnknownParameter", "The parameter %s is not recognized.");

    // ------------------------------------------------------------------------------------------ signature
    static final Row INVALID_AUTHORIZATION = row("AuthFailure.InvalidAuthorization",
            "The Authorization is not in Tencent Cloud's format: %s.");
    static final Row SIGNATURE_FAILURE = row("AuthFailure.SignatureFailure",
            "The provided credentials could not be validated. Please check your signature is correct.");
    static final Row SIGNATURE_REUSED = row("AuthFailure.SignatureFailure", "This signature was already accepted for "
            + "another request (its action, region, version, host or body differ); sign every request anew.");
    static final Row SECRET_ID_NOT_FOUND = row("AuthFailure.SecretIdNotFound",
            "The SecretId is not found, please ensure that your SecretId is correct.");
    static final Row SIGNATURE_EXPIRED = row("AuthFailure.SignatureExpire",
            "Signature expired. Timestamp and server time cannot differ by more than five minutes.");
    static final Row TOKEN_NOT_SUPPORTED = row("AuthFailure.TokenFailure", "Temporary credentials are not supported.");

    // ------------------------------------------------------------------------------------------ routing and limits
    static final Row NO_SUCH_VERSION = row("NoSuchVersion", "The API version %s does not exist; KMS serves %s.");
    static final Row INVALID_ACTION = row("InvalidAction", "The action %s does not exist.");
    static final Row NOT_IMPLEMENTED = row("UnsupportedOperation",
            "The action %s of Tencent Cloud KMS is not implemented by Keyport.");
    static final Row UNSUPPORTED_REGION = row("UnsupportedRegion", "The region %s is not supported.");
    static final Row RATE_LIMITED = row("RequestLimitExceeded",
            "Your current request times exceeds the limit of %s, please try later.");
    static final Row SECRET_ID_LOCKED = row("RequestLimitExceeded",
            "Too many failed authentications with this SecretId; it is locked for up to %s.");
    static final Row ADDRESS_LOCKED = row("RequestLimitExceeded.IPLimitExceeded",
            "Too many failed authentications from this address; it is locked for up to %s.");

    // ------------------------------------------------------------------------------------------ the service
    static final Row STOPPING = row("UnsupportedOperation.ServiceTemporaryUnavailable",
            "The service is temporarily unavailable (the server is stopping); retry the request.");
    static final Row STORE_UNAVAILABLE = row("UnsupportedOperation.ServiceTemporaryUnavailable",
            "The service is temporarily unavailable (the key store cannot be reached); retry the request.");
    static final Row INTERNAL = row("InternalError", "An internal error has occurred. Retry your request.");

    // ------------------------------------------------------------------------------------------ actions' parameters
    static final Row DUPLICATED_KEY_ID = row("InvalidParameterValue.DuplicatedKeyId",
            "KeyIds holds the same id twice.");
    static final Row INVALID_KEY_USAGE = row("InvalidParameterValue.InvalidKeyUsage", "KeyUsage is not valid.");
    static final Row ASYMMETRIC_KEY_USAGE = row("UnsupportedOperation.UnsupportedKeyUsageInCurrentRegion",
            "Keyport keeps symmetric ENCRYPT_DECRYPT keys only.");
    static final Row INVALID_TYPE = row("InvalidParameterValue.InvalidType",
            "Type must be 1 (TENCENT_KMS) or 2 (EXTERNAL).");
    static final Row NO_HSM_CLUSTER = row("InvalidParameterValue.InvalidHsmClusterId",
            "Keyport has no HSM cluster %s.");
    static final Row NO_MEMBER_ACCOUNT = row("UnsupportedOperation", "MemberAccount is not supported by Keyport.");
    static final Row NO_MEMBER_ACCOUNTS = row("UnsupportedOperation", "MemberAccounts is not supported by Keyport.");
    static final Row NO_ENCRYPTION_PUBLIC_KEY = row("UnsupportedOperation",
            "EncryptionPublicKey and EncryptionAlgorithm are not supported by Keyport.");
    static final Row NO_HOSTED_DATA_KEYS = row("UnsupportedOperation",
            "IsHostedByKms=1 (data keys kept by KMS) is not supported by Keyport; the data key is returned to you.");
    static final Row DATA_KEY_LENGTH_MISSING = row("InvalidParameter",
            "Either KeySpec or NumberOfBytes must be specified.");
    static final Row PLAINTEXT_NOT_BASE64 = row("InvalidParameterValue.InvalidPlaintext", "Plaintext is not base64.");
    static final Row CIPHERTEXT_NOT_BASE64 = row("InvalidParameterValue.InvalidCiphertext",
            "CiphertextBlob is not a Keyport ciphertext.");

    private TencentErrors() {
    }

    /**
     * Every domain refusal, exhaustively: a new domain code does not compile here until it is given its row.
     *
     * @param detail the domain's own words for a refused value, which the rows of a malformed value repeat
     * @param state  the key's state when the refusal names one
     * @param policy the rules of the request's protocol, whose numbers the rows quote
     */
    static Row row(DomainErrorCode code, String detail, Optional<KeyState> state, LifecyclePolicy policy) {
        String in = state.map(TencentViews::state).map(s -> " (" + s + ")").orElse("");
        return switch (code) {
            case INVALID_VALUE, INVALID_DESCRIPTION, INVALID_CLOUD_RESOURCE -> row("InvalidParameter", detail + ".");
            case INVALID_KEY_ID -> row("InvalidParameterValue.InvalidKeyId", "Invalid KeyId.");
            case INVALID_ALIAS -> row("InvalidParameterValue.InvalidAlias", detail + ".");
            case INVALID_DELETION_WINDOW -> deletionWindow(policy);
            case INVALID_PLAINTEXT -> row("InvalidParameterValue.InvalidPlaintext",
                    "Plaintext must be 1 to " + Cmk.MAX_PLAINTEXT_BYTES + " bytes once base64-decoded.");
            case INVALID_DATA_KEY_LENGTH, INVALID_RANDOM_LENGTH -> row("InvalidParameterValue",
                    "The value of NumberOfBytes must be 1 to " + DataKey.MAX_BYTES + ".");
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
            case MATERIAL_LENGTH_INVALID -> materialLength(policy);
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

    /** The deletion window, in the policy's numbers. */
    static Row deletionWindow(LifecyclePolicy policy) {
        DeletionWindow window = policy.deletionWindow();
        return row("InvalidParameter.InvalidPendingWindowInDays",
                "PendingWindowInDays must be between " + window.minDays() + " and " + window.maxDays() + ".");
    }

    /** The material lengths the policy accepts. */
    static Row materialLength(LifecyclePolicy policy) {
        return row("InvalidParameterValue.InvalidImportKeyMaterial", "The key material must be "
                + TencentException.either(new TreeSet<>(policy.materialLengths())) + " bytes.");
    }

    /** The Tencent code of a domain code (the same under every policy). */
    static String code(DomainErrorCode code) {
        return row(code, "", Optional.empty(), LifecyclePolicy.NEUTRAL).code();
    }

    /** A domain refusal as the request's protocol answers it. */
    static TencentException of(DomainException e, LifecyclePolicy policy) {
        return row(e.code(), e.getMessage(), e.state(), policy).exception();
    }

    static TencentException missing(String parameter) {
        return MISSING.exception(TencentException.quote(parameter));
    }

    static TencentException invalid(String parameter, String why) {
        return INVALID.exception(TencentException.quote(parameter), why);
    }

    static TencentException invalidValue(String parameter, String why) {
        return INVALID_VALUE.exception(TencentException.quote(parameter), why);
    }

    static TencentException unknown(String parameter) {
        return UNKNOWN.exception(TencentException.quote(parameter));
    }

    private static Row row(String code, String message) {
        return new Row(STATUS, code, message);
    }
}
