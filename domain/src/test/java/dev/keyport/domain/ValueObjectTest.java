package dev.keyport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.testing.TestKeys;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectTest {

    @Test
    void aKeyIdIsALowercaseUuid() {
        UUID uuid = UUID.randomUUID();
        assertThat(KeyId.from(uuid).value()).isEqualTo(uuid.toString());
        assertThat(KeyId.of("0d0466b0-e727-4d9c-b35d-f84bb474a37f").value()).hasSize(36);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0D0466B0-E727-4D9C-B35D-F84BB474A37F", "0d0466b0e7274d9cb35df84bb474a37f",
            "0d0466b0-e727-4d9c-b35d-f84bb474a37", "0d0466b0-e727-4d9c-b35d-f84bb474a37f ", "alias/test"})
    void malformedKeyIdsAreRefused(String value) {
        assertThatThrownBy(() -> KeyId.of(value)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_KEY_ID));
        assertThat(KeyId.isWellFormed(value)).isFalse();
    }

    @Test
    void tencentAliasesFollowTencentsRule() {
        AliasRule rule = LifecyclePolicy.TENCENT.aliasRule();
        rule.check(Alias.of("test8-lzc"));
        rule.check(Alias.of("A" + "b".repeat(59)));
        for (String bad : new String[] {"-leading", "_leading", "A" + "b".repeat(60), "kms-reserved", "with:colon",
                "with/slash"}) {
            assertThatThrownBy(() -> rule.check(Alias.of(bad))).as(bad)
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_ALIAS));
        }
    }

    @Test
    void huaweiAliasesFollowHuaweisRule() {
        AliasRule rule = LifecyclePolicy.HUAWEI.aliasRule();
        rule.check(Alias.of("kms_test"));
        rule.check(Alias.of("a:b/c_d-e"));
        rule.check(Alias.of("x".repeat(255)));
        assertThatThrownBy(() -> rule.check(Alias.of("obs/default")))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_ALIAS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "ünïcode", "semi;colon"})
    void anAliasNoVendorAcceptsIsRefused(String value) {
        assertThatThrownBy(() -> Alias.of(value)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_ALIAS));
    }

    @Test
    void aDescriptionIsAtMost1024Utf8Bytes() {
        assertThat(Description.of(null)).isEqualTo(Description.NONE);
        assertThat(Description.of("导入外部密钥").value()).isEqualTo("导入外部密钥");
        Description.of("x".repeat(1024));
        assertThatThrownBy(() -> Description.of("x".repeat(1025))).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_DESCRIPTION));
        assertThatThrownBy(() -> Description.of("密".repeat(342))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Description.of("bell\u0007")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aCloudResourceHasAProductAndAResource() {
        assertThat(new CloudResource("ssm", "secret/1").toString()).isEqualTo("ssm:secret/1");
        for (String[] bad : new String[][] {{"", "r"}, {"ssm", ""}, {"ssm", " "}, {"s s", "r"},
                {"ssm", "x".repeat(1025)}, {"ssm", "line\nbreak"}}) {
            assertThatThrownBy(() -> new CloudResource(bad[0], bad[1]))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_CLOUD_RESOURCE));
        }
    }

    @Test
    void materialIsSixteenOrThirtyTwoBytesComparedByValueAndErasable() {
        KeyMaterial material = KeyMaterial.of(new byte[32]);
        assertThat(material).isEqualTo(KeyMaterial.of(new byte[32]));
        assertThatThrownBy(() -> KeyMaterial.of(new byte[24])).isInstanceOf(InvalidValueException.class);
        byte[] source = TestKeys.randomMaterial(16);
        KeyMaterial copy = KeyMaterial.of(source);
        source[0] ^= 1;
        assertThat(copy.copyBytes(SecretAccess.get())[0]).as("copied on the way in").isNotEqualTo(source[0]);
        copy.erase();
        assertThat(copy.copyBytes(SecretAccess.get())).containsOnly(0);
    }

    @Test
    void scopesAreTenantAndRegion() {
        assertThat(KeyScope.of("t1", "cn-north-4")).isEqualTo(new KeyScope(TenantId.of("t1"), Region.of("cn-north-4")));
        assertThatThrownBy(() -> Region.of("Not A Region")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> TenantId.of("")).isInstanceOf(InvalidValueException.class);
    }
}
