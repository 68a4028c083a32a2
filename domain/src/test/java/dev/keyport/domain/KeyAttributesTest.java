package dev.keyport.domain;

import static dev.keyport.domain.testing.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A key's alias and description: changed by the aggregate, under the vendor's alias rule, with their audit events. */
class KeyAttributesTest {

    @Test
    void anAliasChangeIsCheckedUnderThePolicyAndRecordedFromAndTo() {
        Cmk key = TestKeys.generated();
        Alias before = key.alias();
        key.drainEvents();
        key.updateAlias(Alias.of("renamed"), LifecyclePolicy.TENCENT, T0);
        assertThat(key.alias()).isEqualTo(Alias.of("renamed"));
        List<KeyEvent> events = key.drainEvents();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(KeyChange.ALIAS_CHANGED);
            assertThat(e.detail()).isEqualTo(before.value() + " -> renamed");
            assertThat(e.to()).isEqualTo(KeyState.ENABLED);
        });
        key.updateAlias(Alias.of("renamed"), LifecyclePolicy.TENCENT, T0);
        assertThat(key.drainEvents()).as("the same alias changes nothing").isEmpty();

        assertThatThrownBy(() -> key.updateAlias(Alias.of("kms-reserved"), LifecyclePolicy.TENCENT, T0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_ALIAS);
                    assertThat(e.keyId()).contains(key.id());
                });
        assertThat(key.alias()).isEqualTo(Alias.of("renamed"));
    }

    @Test
    void aDescriptionChangeIsRecordedWithoutQuotingItAndKeepsTheMaterial() {
        byte[] material = TestKeys.randomMaterial(32);
        Cmk key = TestKeys.externalWith(material);
        byte[] blob = key.encrypt("kept".getBytes(), new byte[0], T0, TestKeys.RANDOM);
        key.drainEvents();
        key.updateDescription(Description.of("secret project name"), T0);
        assertThat(key.description()).isEqualTo(Description.of("secret project name"));
        assertThat(key.drainEvents()).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(KeyChange.DESCRIPTION_CHANGED);
            assertThat(e.detail()).isEmpty();
        });
        key.deleteImportedKeyMaterial(T0);
        key.updateDescription(Description.of("still mine"), T0);
        TestKeys.importInto(key, material, null, T0);
        assertThat(key.description()).isEqualTo(Description.of("still mine"));
        assertThat(key.decrypt(blob, new byte[0], T0)).isEqualTo("kept".getBytes());
    }
}
