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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aLargeFileIsReadAsAStreamInBatchesAndAnIdGivenTwiceIsMadeOnce(@TempDir Path folder) throws Exception {
        int keys = SeedFile.BATCH * 2 + 7;
        StringBuilder json = new StringBuilder("{\"keys\": [");
        for (int i = 0; i < keys; i++) {
            json.append(i == 0 ? "" : ",").append(keyJson(i));
        }
        json.append(",").append(keyJson(3)).append("]}");
        Path file = folder.resolve("seed.json");
        Files.writeString(file, json);
        assertThat(SeedFile.apply(file, keyport)).isEqualTo(new SeedFile.Applied(keys, 1));
        for (int i : new int[] {0, SeedFile.BATCH, keys - 1}) {
            assertThat(keyport.describeKey(new DescribeKeyCommand(Caller.embedded(KeyScope.of("dev", "cn-north-4"),
                    "t"), KeyId.of(id(i)))).state()).isEqualTo(KeyState.ENABLED);
        }
        assertThat(SeedFile.apply(file, keyport)).as("a restart").isEqualTo(new SeedFile.Applied(0, keys + 1));
    }

    @Test
    void aFieldThatIsNotKeysOrAnUnknownFieldOfAKeyNamesTheSetting(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("seed.json");
        Files.writeString(file, "{\"keys\": [], \"extra\": 1}");
        assertThatThrownBy(() -> SeedFile.apply(file, keyport)).isInstanceOf(BadSettingException.class)
                .hasMessageContaining("extra");
        Files.writeString(file, "{\"keys\": [{\"tenant\": \"dev\", \"colour\": \"red\"}]}");
        assertThatThrownBy(() -> SeedFile.apply(file, keyport)).isInstanceOf(BadSettingException.class)
                .hasMessageContaining("colour");
        Files.writeString(file, "[]");
        assertThatThrownBy(() -> SeedFile.apply(file, keyport)).isInstanceOf(BadSettingException.class);
    }

    private static String id(int i) {
        return String.format("5eed%04x-0000-4000-8000-%012x", 1, i);
    }

    private static String keyJson(int i) {
        return "{\"tenant\":\"dev\",\"region\":\"cn-north-4\",\"keyId\":\"" + id(i) + "\",\"alias\":\"bulk-" + i
                + "\",\"description\":\"\",\"origin\":\"KEYPORT\",\"state\":\"Enabled\"}";
    }
}
