package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.domain.DeletionWindow;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.WrappingKeySpec;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every domain refusal has its Huawei status and code, from Huawei's published error table. */
class HuaweiErrorsTest {

    private static final Map<DomainErrorCode, String> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(DomainErrorCode.INVALID_VALUE, "400 KMS.0308"),
            Map.entry(DomainErrorCode.INVALID_KEY_ID, "400 KMS.0205"),
            Map.entry(DomainErrorCode.INVALID_ALIAS, "400 KMS.1101"),
            Map.entry(DomainErrorCode.INVALID_DESCRIPTION, "400 KMS.1103"),
            Map.entry(DomainErrorCode.INVALID_DELETION_WINDOW, "400 KMS.1401"),
            Map.entry(DomainErrorCode.INVALID_CLOUD_RESOURCE, "400 KMS.0308"),
            Map.entry(DomainErrorCode.INVALID_PLAINTEXT, "400 KMS.2101"),
            Map.entry(DomainErrorCode.INVALID_DATA_KEY_LENGTH, "400 KMS.1901"),
            Map.entry(DomainErrorCode.INVALID_RANDOM_LENGTH, "400 KMS.1801"),
            Map.entry(DomainErrorCode.KEY_NOT_FOUND, "404 KMS.0207"),
            Map.entry(DomainErrorCode.ALIAS_ALREADY_EXISTS, "400 KMS.1104"),
            Map.entry(DomainErrorCode.NOT_EXTERNAL_KEY, "400 KMS.0309"),
            Map.entry(DomainErrorCode.KEY_NOT_DISABLED, "400 KMS.1201"),
            Map.entry(DomainErrorCode.KEY_NOT_ENABLED, "400 KMS.1301"),
            Map.entry(DomainErrorCode.KEY_SHOULD_BE_DISABLED, "400 KMS.0308"),
            Map.entry(DomainErrorCode.KEY_ALREADY_PENDING_DELETE, "400 KMS.1402"),
            Map.entry(DomainErrorCode.KEY_NOT_PENDING_DELETE, "400 KMS.1501"),
            Map.entry(DomainErrorCode.IMPORT_STATE_NOT_SUPPORTED, "400 KMS.0310"),
            Map.entry(DomainErrorCode.MATERIAL_DELETE_STATE_NOT_SUPPORTED, "400 KMS.2701"),
            Map.entry(DomainErrorCode.BINDING_STATE_NOT_SUPPORTED, "400 KMS.0308"),
            Map.entry(DomainErrorCode.KEY_DISABLED, "400 KMS.0209"),
            Map.entry(DomainErrorCode.KEY_PENDING_DELETE, "400 KMS.0210"),
            Map.entry(DomainErrorCode.KEY_PENDING_IMPORT, "400 KMS.0308"),
            Map.entry(DomainErrorCode.KEY_IN_USE_BY_CLOUD_RESOURCE, "400 KMS.0308"),
            Map.entry(DomainErrorCode.CLOUD_RESOURCE_BINDING_NOT_FOUND, "400 KMS.0308"),
            Map.entry(DomainErrorCode.IMPORT_TOKEN_INVALID, "400 KMS.2605"),
            Map.entry(DomainErrorCode.IMPORT_TOKEN_EXPIRED, "400 KMS.2601"),
            Map.entry(DomainErrorCode.IMPORT_TOKEN_KEY_MISMATCH, "400 KMS.2603"),
            Map.entry(DomainErrorCode.MATERIAL_UNWRAP_FAILED, "400 KMS.0311"),
            Map.entry(DomainErrorCode.MATERIAL_LENGTH_INVALID, "400 KMS.2604"),
            Map.entry(DomainErrorCode.MATERIAL_MISMATCH, "400 KMS.2606"),
            Map.entry(DomainErrorCode.MATERIAL_EXPIRY_NOT_IN_FUTURE, "400 KMS.2602"),
            Map.entry(DomainErrorCode.INVALID_CIPHERTEXT, "400 KMS.2201"),
            Map.entry(DomainErrorCode.DECRYPTION_FAILED, "400 KMS.2201"),
            Map.entry(DomainErrorCode.CONCURRENT_MODIFICATION, "503 KMS.0104")));

    @Test
    void theTableCoversEveryDomainCode() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(DomainErrorCode.values());
    }

    @ParameterizedTest
    @EnumSource(DomainErrorCode.class)
    void eachDomainCodeHasItsHuaweiStatusAndCode(DomainErrorCode code) {
        HuaweiErrors.Row row = HuaweiErrors.row(code, LifecyclePolicy.HUAWEI);
        assertThat(row.status() + " " + row.code()).isEqualTo(EXPECTED.get(code));
        assertThat(row.message()).isNotBlank().doesNotContain(code.name());
        assertThat(row.status() < 500 || code == DomainErrorCode.CONCURRENT_MODIFICATION)
                .as("no 5xx for a client's mistake").isTrue();
    }

    @Test
    void theMessagesThatQuoteHuaweisNumbersAreRenderedFromThePolicy() {
        assertThat(HuaweiErrors.row(DomainErrorCode.INVALID_DELETION_WINDOW, LifecyclePolicy.HUAWEI).message())
                .isEqualTo("Set the pending deletion period between 7 to 1096 days.");
        assertThat(HuaweiErrors.row(DomainErrorCode.MATERIAL_LENGTH_INVALID, LifecyclePolicy.HUAWEI).message())
                .isEqualTo("The external key plaintext length must be 32 bytes.");
        LifecyclePolicy h = LifecyclePolicy.HUAWEI;
        LifecyclePolicy other = new LifecyclePolicy("other", h.reimportRule(), new DeletionWindow(3, 9),
                h.schedulableStates(), Set.of(24, 16), h.aliasRule(), 40, Set.of(WrappingKeySpec.RSA_4096));
        assertThat(HuaweiErrors.row(DomainErrorCode.INVALID_DELETION_WINDOW, other).message())
                .isEqualTo("Set the pending deletion period between 3 to 9 days.");
        assertThat(HuaweiErrors.row(DomainErrorCode.MATERIAL_LENGTH_INVALID, other).message())
                .isEqualTo("The external key plaintext length must be 16 or 24 bytes.");
    }

    @Test
    void aRowTakesADetailAfterItsMessage() {
        assertThat(HuaweiErrors.INVALID_PARAMETER.because("origin").message()).isEqualTo("Invalid parameter: origin.");
        assertThat(HuaweiErrors.UNAUTHENTICATED.because("signature expired").message())
                .isEqualTo("Incorrect IAM authentication information: signature expired");
        HuaweiException e = HuaweiErrors.NO_SUCH_API.exception();
        assertThat(e.status() + " " + e.code() + " " + e.gateway()).isEqualTo("404 APIGW.0101 true");
        assertThat(HuaweiErrors.KEY_NOT_FOUND.exception().gateway()).isFalse();
    }
}
