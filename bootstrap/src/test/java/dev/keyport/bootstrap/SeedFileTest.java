package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeds are made through the use cases, audited like any other change, and checked in full before anything is made. */
class SeedFileTest {

    private static final String ID = "5eed0000-0000-4000-8000-0000000000aa";
    private final InMemoryKeyStorage storage = new InMemoryKeyStorage();
    private final Keyport keyport = Keyport.builder().clock(Clock.systemUTC()).storage(storage).build();

    private static SeedFile.Key seed(String state, String material) {
        return new SeedFile.Key("dev", "cn-north-4", ID, "seeded", "", "EXTERNAL", state, material, null);
    }

    @Test
    void aSeedIsMadeThroughTheUseCasesAndAuditedAsOrdinaryTransitionsOnce() {
        String material = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(SeedFile.apply(new SeedFile.File(List.of(seed("Disabled", material))), keyport)).isEqualTo(1);

        Caller caller = Caller.embedded(KeyScope.of("dev", "cn-north-4"), "check");
        assertThat(keyport.describeKey(new DescribeKeyCommand(caller, KeyId.of(ID))).state())
                .isEqualTo(KeyState.DISABLED);
        assertThat(storage.auditLog().records()).extracting(AuditRecord::operation).containsExactly(
                KeyOperation.CREATE, KeyOperation.GET_IMPORT_PARAMETERS, KeyOperation.IMPORT_MATERIAL,
                KeyOperation.DISABLE);
        assertThat(storage.auditLog().records()).extracting(AuditRecord::credentialId)
                .containsOnly(SeedFile.CREDENTIAL);

        assertThat(SeedFile.apply(new SeedFile.File(List.of(seed("Enabled", material))), keyport))
                .as("a key whose id exists is left as it is").isZero();
        assertThat(keyport.describeKey(new DescribeKeyCommand(caller, KeyId.of(ID))).state())
                .isEqualTo(KeyState.DISABLED);
    }

    @Test
    void aSeedThatCannotBeMadeInFullIsRefusedBeforeAnythingIsMade() {
        String shortMaterial = Base64.getEncoder().encodeToString(new byte[20]);
        assertThatThrownBy(() -> SeedFile.apply(new SeedFile.File(List.of(seed("Enabled", shortMaterial))), keyport))
                .isInstanceOfSatisfying(BadSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("KEYPORT_SEED"));
        assertThatThrownBy(() -> SeedFile.apply(new SeedFile.File(List.of(seed("Archived", null))), keyport))
                .isInstanceOf(BadSettingException.class);
        assertThat(storage.auditLog().records()).isEmpty();
    }
}
