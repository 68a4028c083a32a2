package dev.keyport.adapter.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.DeletionWindow;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.WrappingKeySpec;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The numbers of Huawei's rules that the adapter checks come from the request's policy, not from the adapter. */
class HuaweiParamsTest {

    private static final LifecyclePolicy HUAWEI = LifecyclePolicy.HUAWEI;
    /** Huawei's policy with other numbers: a check that used literals would not follow it. */
    private static final LifecyclePolicy OTHER = new LifecyclePolicy("other", HUAWEI.reimportRule(),
            new DeletionWindow(3, 9), HUAWEI.schedulableStates(), Set.of(16), HUAWEI.aliasRule(), 40,
            Set.of(WrappingKeySpec.RSA_4096, WrappingKeySpec.RSA_3072));

    private static String refusal(Runnable parse) {
        try {
            parse.run();
        } catch (HuaweiException e) {
            return e.status() + " " + e.code() + " " + e.getMessage();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void theDescriptionLengthIsThePolicys() {
        assertThat(HuaweiParams.description("d".repeat(255), HUAWEI)).hasSize(255);
        assertThat(refusal(() -> HuaweiParams.description("d".repeat(256), HUAWEI)))
                .isEqualTo("400 KMS.1103 Invalid key_description.");
        assertThat(HuaweiParams.description("d".repeat(40), OTHER)).hasSize(40);
        assertThat(refusal(() -> HuaweiParams.description("d".repeat(41), OTHER)))
                .isEqualTo("400 KMS.1103 Invalid key_description.");
        assertThat(HuaweiParams.description(null, OTHER)).isEmpty();
    }

    @Test
    void theWrappingKeyIsThePolicysSmallest() {
        assertThat(HuaweiParams.wrappingKeySpec(HUAWEI)).isEqualTo(WrappingKeySpec.RSA_2048);
        assertThat(HuaweiParams.wrappingKeySpec(OTHER)).isEqualTo(WrappingKeySpec.RSA_3072);
    }

    @Test
    void aPendingPeriodThatIsNoNumberQuotesThePolicysWindow() {
        assertThat(refusal(() -> HuaweiParams.pendingDays("seven", HUAWEI)))
                .isEqualTo("400 KMS.1401 Set the pending deletion period between 7 to 1096 days.");
        assertThat(refusal(() -> HuaweiParams.pendingDays("0", OTHER)))
                .isEqualTo("400 KMS.1401 Set the pending deletion period between 3 to 9 days.");
        assertThat(HuaweiParams.pendingDays(" 30 ", OTHER)).as("the window itself is the domain's rule")
                .isEqualTo(30);
    }

    @Test
    void aKeyIdIsCheckedByTheDomainsKeyIdAlone() {
        assertThatThrownBy(() -> HuaweiParams.keyId("alias/nope"))
                .isInstanceOf(dev.keyport.domain.InvalidValueException.class);
        assertThat(refusal(() -> HuaweiParams.keyId(""))).startsWith("400 KMS.0204");
    }
}
