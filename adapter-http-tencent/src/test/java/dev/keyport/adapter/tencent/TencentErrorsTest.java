package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.kms.v20190118.KmsErrorCode;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.LifecyclePolicy;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every domain refusal has its Tencent code, and every code is one Tencent's SDK or common-error list knows. */
class TencentErrorsTest {

    /** The table, written out: what a Tencent client sees for each refusal. */
    private static final Map<DomainErrorCode, String> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(DomainErrorCode.INVALID_VALUE, "InvalidParameter"),
            Map.entry(DomainErrorCode.INVALID_KEY_ID, "InvalidParameterValue.InvalidKeyId"),
            Map.entry(DomainErrorCode.INVALID_ALIAS, "InvalidParameterValue.InvalidAlias"),
            Map.entry(DomainErrorCode.INVALID_DESCRIPTION, "InvalidParameter"),
            Map.entry(DomainErrorCode.INVALID_DELETION_WINDOW, "InvalidParameter.InvalidPendingWindowInDays"),
            Map.entry(DomainErrorCode.INVALID_CLOUD_RESOURCE, "InvalidParameter"),
            Map.entry(DomainErrorCode.INVALID_PLAINTEXT, "InvalidParameterValue.InvalidPlaintext"),
            Map.entry(DomainErrorCode.INVALID_DATA_KEY_LENGTH, "InvalidParameterValue"),
            Map.entry(DomainErrorCode.INVALID_RANDOM_LENGTH, "InvalidParameterValue"),
            Map.entry(DomainErrorCode.KEY_NOT_FOUND, "ResourceUnavailable.CmkNotFound"),
            Map.entry(DomainErrorCode.ALIAS_ALREADY_EXISTS, "InvalidParameterValue.AliasAlreadyExists"),
            Map.entry(DomainErrorCode.NOT_EXTERNAL_KEY, "UnsupportedOperation.NotExternalCmk"),
            Map.entry(DomainErrorCode.KEY_NOT_DISABLED, "ResourceUnavailable.CmkStateNotSupport"),
            Map.entry(DomainErrorCode.KEY_NOT_ENABLED, "ResourceUnavailable.CmkStateNotSupport"),
            Map.entry(DomainErrorCode.KEY_SHOULD_BE_DISABLED, "ResourceUnavailable.CmkShouldBeDisabled"),
            Map.entry(DomainErrorCode.KEY_ALREADY_PENDING_DELETE, "ResourceUnavailable.CmkStateNotSupport"),
            Map.entry(DomainErrorCode.KEY_NOT_PENDING_DELETE, "ResourceUnavailable.CmkNotPendingDelete"),
            Map.entry(DomainErrorCode.IMPORT_STATE_NOT_SUPPORTED, "ResourceUnavailable.CmkStateNotSupport"),
            Map.entry(DomainErrorCode.MATERIAL_DELETE_STATE_NOT_SUPPORTED, "ResourceUnavailable.CmkStateNotSupport"),
            Map.entry(DomainErrorCode.BINDING_STATE_NOT_SUPPORTED, "ResourceUnavailable.CmkStateNotSupport"),
            Map.entry(DomainErrorCode.KEY_DISABLED, "ResourceUnavailable.CmkDisabled"),
            Map.entry(DomainErrorCode.KEY_PENDING_DELETE, "ResourceUnavailable.CmkStateNotSupport"),
            Map.entry(DomainErrorCode.KEY_PENDING_IMPORT, "ResourceUnavailable.CmkStateNotSupport"),
            Map.entry(DomainErrorCode.KEY_IN_USE_BY_CLOUD_RESOURCE, "FailedOperation.CmkUsedByCloudProduct"),
            Map.entry(DomainErrorCode.CLOUD_RESOURCE_BINDING_NOT_FOUND,
                    "ResourceUnavailable.CloudResourceBindingNotFound"),
            Map.entry(DomainErrorCode.IMPORT_TOKEN_INVALID, "InvalidParameter"),
            Map.entry(DomainErrorCode.IMPORT_TOKEN_EXPIRED, "ResourceUnavailable.TokenExpired"),
            Map.entry(DomainErrorCode.IMPORT_TOKEN_KEY_MISMATCH, "InvalidParameter"),
            Map.entry(DomainErrorCode.MATERIAL_UNWRAP_FAILED, "InvalidParameter.DecryptMaterialError"),
            Map.entry(DomainErrorCode.MATERIAL_LENGTH_INVALID, "InvalidParameterValue.InvalidImportKeyMaterial"),
            Map.entry(DomainErrorCode.MATERIAL_MISMATCH, "InvalidParameterValue.MaterialNotMatch"),
            Map.entry(DomainErrorCode.MATERIAL_EXPIRY_NOT_IN_FUTURE, "InvalidParameterValue"),
            Map.entry(DomainErrorCode.INVALID_CIPHERTEXT, "InvalidParameterValue.InvalidCiphertext"),
            Map.entry(DomainErrorCode.DECRYPTION_FAILED, "FailedOperation.DecryptError"),
            Map.entry(DomainErrorCode.CONCURRENT_MODIFICATION, "UnsupportedOperation.ServiceTemporaryUnavailable")));

    /** Codes Tencent documents outside the 3.1.1138 SDK's KmsErrorCode enum. */
    private static final Set<String> DOCUMENTED_ELSEWHERE = Set.of(
            "InvalidParameterValue.InvalidImportKeyMaterial"); // KmsErrorCode of SDK 3.2.x

    @Test
    void theTableCoversEveryDomainCode() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(DomainErrorCode.values());
    }

    @ParameterizedTest
    @EnumSource(DomainErrorCode.class)
    void eachDomainCodeHasItsTencentCode(DomainErrorCode code) {
        assertThat(TencentErrors.code(code)).isEqualTo(EXPECTED.get(code));
    }

    @ParameterizedTest
    @EnumSource(DomainErrorCode.class)
    void eachTencentCodeIsOneTencentKnows(DomainErrorCode code) {
        Set<String> known = Arrays.stream(KmsErrorCode.values()).map(KmsErrorCode::getValue)
                .collect(Collectors.toSet());
        assertThat(known).as("the SDK's KmsErrorCode").contains("ResourceUnavailable.CmkNotFound");
        String tencent = TencentErrors.code(code);
        assertThat(known.contains(tencent) || DOCUMENTED_ELSEWHERE.contains(tencent)).as(tencent).isTrue();
    }

    @ParameterizedTest
    @EnumSource(DomainErrorCode.class)
    void everyRowIsHttp200WithACodeAndAMessage(DomainErrorCode code) {
        TencentErrors.Row row = TencentErrors.row(code, "the value is wrong", Optional.of(KeyState.DISABLED),
                LifecyclePolicy.TENCENT);
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.code()).isEqualTo(EXPECTED.get(code));
        assertThat(row.message()).isNotBlank().endsWith(".");
    }

    /** The numbers a message quotes are the caller's policy's (or the domain's), never restated by the adapter. */
    @Test
    void messagesQuoteTheNumbersOfTheCallersPolicy() {
        assertThat(message(DomainErrorCode.INVALID_DELETION_WINDOW, LifecyclePolicy.TENCENT))
                .isEqualTo("PendingWindowInDays must be between 7 and 30.");
        assertThat(message(DomainErrorCode.MATERIAL_LENGTH_INVALID, LifecyclePolicy.TENCENT))
                .isEqualTo("The key material must be 16 or 32 bytes.");
        assertThat(message(DomainErrorCode.INVALID_DELETION_WINDOW, LifecyclePolicy.HUAWEI))
                .isEqualTo("PendingWindowInDays must be between 7 and 1096.");
        assertThat(message(DomainErrorCode.MATERIAL_LENGTH_INVALID, LifecyclePolicy.HUAWEI))
                .isEqualTo("The key material must be 32 bytes.");
        assertThat(message(DomainErrorCode.INVALID_PLAINTEXT, LifecyclePolicy.TENCENT))
                .isEqualTo("Plaintext must be 1 to " + Cmk.MAX_PLAINTEXT_BYTES + " bytes once base64-decoded.")
                .contains("4096");
        assertThat(TencentErrors.row(DomainErrorCode.KEY_NOT_ENABLED, "", Optional.of(KeyState.PENDING_IMPORT),
                LifecyclePolicy.TENCENT).message())
                .isEqualTo("This operation cannot be performed under the current CMK status (PendingImport).");
    }

    private static String message(DomainErrorCode code, LifecyclePolicy policy) {
        return TencentErrors.row(code, "", Optional.empty(), policy).message();
    }

    /** Every refusal of the adapter is a row of the one table; Tencent answers each with HTTP 200. */
    @Test
    void everyNamedRowIsHttp200WithACodeAndAMessage() throws Exception {
        int rows = 0;
        for (java.lang.reflect.Field field : TencentErrors.class.getDeclaredFields()) {
            if (field.getType() == TencentErrors.Row.class) {
                TencentErrors.Row row = (TencentErrors.Row) field.get(null);
                assertThat(row.status()).as(field.getName()).isEqualTo(200);
                assertThat(row.code()).as(field.getName()).matches("[A-Z][A-Za-z]+(\\.[A-Z][A-Za-z0-9]+)?");
                assertThat(row.message()).as(field.getName()).endsWith(".");
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(40);
    }
}
