package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.adapter.jdbc.JdbcStore;
import dev.keyport.adapter.jdbc.JdbcStoreConfig;
import dev.keyport.adapter.jdbc.MasterKey;
import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CancelKeyDeletionCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.application.port.out.KeyStorage;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.ImportRejectedException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyNotFoundException;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A seed file's keys are made in bulk, a batch per transaction, yet they are the keys the use cases made of it one
 * step at a time (the old path, kept as {@link SeedsThroughTheUseCases}): the same views, the same material bound the
 * same way. Every key is audited once; a restart leaves them alone; a bad key stops the start naming it and leaves
 * nothing of its batch. On the in-memory store and on the server's H2 store.
 */
class SeedFileTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The old path imports through GetParametersForImport: one pair serves all its tokens. */
    private static final WrappingKeyPair WRAPPING_KEY = WrappingKeySpec.RSA_2048.generate(RANDOM);
    private static final KeyScope SCOPE = KeyScope.of("dev", "cn-north-4");
    private static final Caller CALLER = Caller.embedded(SCOPE, "check");

    @TempDir
    Path folder;
    private final List<JdbcStore> opened = new ArrayList<>();

    enum Store { IN_MEMORY, H2 }

    /** A Keyport on a fresh store, and the store. */
    private record Opened(Keyport keyport, KeyStorage storage) {
    }

    private Opened open(Store store) {
        KeyStorage storage = switch (store) {
            case IN_MEMORY -> new InMemoryKeyStorage();
            case H2 -> {
                JdbcStore h2 = JdbcStore.open(JdbcStoreConfig.h2(folder.resolve("h2-" + opened.size()),
                        MasterKey.generate(RANDOM)), RANDOM);
                opened.add(h2);
                yield h2;
            }
        };
        return new Opened(Keyport.builder().clock(CLOCK).random(RANDOM).storage(storage)
                .wrappingKeys((use, now) -> WRAPPING_KEY).build(), storage);
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcStore::close);
    }

    private static String id(int tag, int i) {
        return String.format("5eed%04x-0000-4000-8000-%012x", tag, i);
    }

    /** The material of seed {@code i}, the same for both paths. */
    private static byte[] material(int i, int length) {
        byte[] material = new byte[length];
        new Random(i).nextBytes(material);
        return material;
    }

    private static SeedFile.Key key(int i, String origin, String state, Integer materialBytes, Integer pendingDays) {
        return new SeedFile.Key("dev", "cn-north-4", id(0, i), "seed-" + i, i % 2 == 0 ? "" : "seed number " + i,
                origin, state, materialBytes == null ? null
                        : Base64.getEncoder().encodeToString(material(i, materialBytes)), pendingDays);
    }

    /** One seed of every origin, state and material the file format allows. */
    private static List<SeedFile.Key> everyKind() {
        return List.of(
                key(1, "KEYPORT", "Enabled", null, null),
                key(2, "KEYPORT", "Disabled", null, null),
                key(3, "KEYPORT", "PendingDelete", null, 7),
                key(4, "KEYPORT", null, null, null),
                key(5, "EXTERNAL", "Enabled", 32, null),
                key(6, "EXTERNAL", "Disabled", 32, null),
                key(7, "EXTERNAL", "PendingImport", 32, null),
                key(8, "EXTERNAL", "PendingDelete", 32, 1096),
                key(9, "EXTERNAL", null, 16, null),
                key(10, "EXTERNAL", "PendingImport", null, null),
                key(11, "EXTERNAL", "PendingDelete", null, null),
                key(12, null, null, null, null));
    }

    private static KeyView describe(Keyport keyport, String id) {
        return keyport.describeKey(new DescribeKeyCommand(CALLER, KeyId.of(id)));
    }

    private static void importMaterial(Keyport keyport, String id, byte[] material) {
        ImportParameters parameters = keyport.getParametersForImport(new GetParametersForImportCommand(CALLER,
                KeyId.of(id), WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
        keyport.importKeyMaterial(new ImportKeyMaterialCommand(CALLER, KeyId.of(id), parameters.token(),
                WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(WRAPPING_KEY.publicKey(), material), Optional.empty()));
    }

    /** Each key's ciphertext opens with the other's: the two hold the same material, byte for byte. */
    private static void assertSameMaterial(Keyport one, Keyport other, String id) {
        byte[] plaintext = ("secret of " + id).getBytes();
        byte[] context = "ctx".getBytes();
        for (Keyport[] pair : new Keyport[][] {{one, other}, {other, one}}) {
            byte[] ciphertext = pair[0].encrypt(new EncryptCommand(CALLER, KeyId.of(id), plaintext, context))
                    .ciphertext();
            assertThat(pair[1].decrypt(new DecryptCommand(CALLER, ciphertext, context)).plaintext()).as(id)
                    .isEqualTo(plaintext);
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void theBulkPathMakesTheKeysTheUseCasesMadeOfTheSameSeeds(Store store) {
        Keyport bulk = open(store).keyport();
        Keyport reference = open(store).keyport();
        assertThat(SeedFile.apply(everyKind(), bulk)).isEqualTo(new SeedFile.Applied(12, 0));
        everyKind().forEach(seed -> SeedsThroughTheUseCases.make(seed, reference));

        for (SeedFile.Key seed : everyKind()) {
            assertThat(describe(bulk, seed.keyId())).as(seed.toString()).isEqualTo(describe(reference, seed.keyId()));
        }
        assertThat(everyKind()).extracting(seed -> describe(bulk, seed.keyId()).state()).containsExactly(
                KeyState.ENABLED, KeyState.DISABLED, KeyState.PENDING_DELETE, KeyState.ENABLED,
                KeyState.ENABLED, KeyState.DISABLED, KeyState.PENDING_IMPORT, KeyState.PENDING_DELETE,
                KeyState.ENABLED, KeyState.PENDING_IMPORT, KeyState.PENDING_DELETE, KeyState.PENDING_IMPORT);
        assertThat(describe(bulk, id(0, 8)).deletionDate()).contains(T0.plus(Duration.ofDays(1096)));

        // the material, where it was given: the same bytes in both, in every state once made usable again
        assertSameMaterial(bulk, reference, id(0, 5));
        assertSameMaterial(bulk, reference, id(0, 9));
        for (Keyport keyport : List.of(bulk, reference)) {
            keyport.enableKey(new EnableKeyCommand(CALLER, KeyId.of(id(0, 6))));
            keyport.cancelKeyDeletion(new CancelKeyDeletionCommand(CALLER, KeyId.of(id(0, 8))));
            keyport.enableKey(new EnableKeyCommand(CALLER, KeyId.of(id(0, 8))));
        }
        assertSameMaterial(bulk, reference, id(0, 6));
        assertSameMaterial(bulk, reference, id(0, 8));
        byte[] ciphertext = bulk.encrypt(new EncryptCommand(CALLER, KeyId.of(id(0, 1)), "p".getBytes(), null))
                .ciphertext();
        assertThat(bulk.decrypt(new DecryptCommand(CALLER, ciphertext, null)).plaintext()).isEqualTo("p".getBytes());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aKeySeededWithMaterialTakesOnlyThatMaterialAgain(Store store) {
        Keyport keyport = open(store).keyport();
        SeedFile.apply(everyKind(), keyport);
        String deleted = id(0, 7); // PendingImport: seeded with material, then its material deleted
        assertThatThrownBy(() -> importMaterial(keyport, deleted, material(99, 32)))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.MATERIAL_MISMATCH));
        assertThat(describe(keyport, deleted).state()).isEqualTo(KeyState.PENDING_IMPORT);
        importMaterial(keyport, deleted, material(7, 32));
        assertThat(describe(keyport, deleted).state()).isEqualTo(KeyState.ENABLED);

        String never = id(0, 10); // PendingImport, never given material: any material binds it
        importMaterial(keyport, never, material(99, 32));
        assertThat(describe(keyport, never).state()).isEqualTo(KeyState.ENABLED);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void everySeededKeyIsAuditedOnceAndARestartAddsNothing(Store store) throws SQLException {
        Opened opened = open(store);
        SeedFile.apply(everyKind(), opened.keyport());
        List<String> expected = everyKind().stream().map(seed -> "SEED SEEDED " + describe(opened.keyport(),
                seed.keyId()).state() + " " + seed.keyId() + " keyport-seed seed-" + seed.keyId() + " v1").toList();
        assertThat(auditTrail(opened)).containsExactlyElementsOf(expected);

        assertThat(SeedFile.apply(everyKind(), opened.keyport())).as("a restart")
                .isEqualTo(new SeedFile.Applied(0, 12));
        assertThat(auditTrail(opened)).containsExactlyElementsOf(expected);

        if (opened.storage() instanceof JdbcStore h2) {
            List<Map<String, Object>> exported = new ArrayList<>();
            assertThat(h2.exportAndPruneAudit(T0.plusSeconds(1), 5, exported::addAll)).isEqualTo(12);
            assertThat(exported).extracting(row -> row.get("operation")).containsOnly("SEED");
            assertThat(auditTrail(opened)).isEmpty();
        }
    }

    /** Each audit record as "operation change to key credential request version", oldest first. */
    private static List<String> auditTrail(Opened opened) throws SQLException {
        if (opened.storage() instanceof InMemoryKeyStorage memory) {
            return memory.auditLog().records().stream().map(r -> r.operation() + " " + r.change().orElseThrow() + " "
                    + r.to().orElseThrow() + " " + r.keyId().orElseThrow() + " " + r.credentialId() + " "
                    + r.requestId() + " v" + r.keyVersion() + (r.outcome() == AuditRecord.Outcome.SUCCEEDED ? ""
                    : " " + r.outcome())).toList();
        }
        JdbcStore store = (JdbcStore) opened.storage();
        List<String> trail = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT operation, change, to_state, key_id, credential_id, request_id, "
                     + "key_version, outcome FROM audit_log ORDER BY id")) {
            while (rs.next()) {
                trail.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getString(5) + " " + rs.getString(6) + " v" + rs.getLong(7)
                        + (rs.getString(8).equals("SUCCEEDED") ? "" : " " + rs.getString(8)));
            }
        }
        return trail;
    }

    @Test
    void aSeedThatCannotBeReadIsRefusedBeforeAnythingIsMade() {
        Opened opened = open(Store.IN_MEMORY);
        String shortMaterial = Base64.getEncoder().encodeToString(new byte[20]);
        SeedFile.Key good = key(1, "KEYPORT", "Enabled", null, null);
        for (SeedFile.Key bad : List.of(
                new SeedFile.Key("dev", "cn-north-4", id(0, 2), "short", "", "EXTERNAL", "Enabled", shortMaterial,
                        null),
                new SeedFile.Key("dev", "cn-north-4", id(0, 2), "archived", "", "EXTERNAL", "Archived", null, null),
                new SeedFile.Key("dev", "cn-north-4", id(0, 2), "odd", "", "EXTERNAL-ish", null, null, null),
                new SeedFile.Key("dev", "cn-north-4", id(0, 2), "not base64", "", "EXTERNAL", null, "%%%", null),
                new SeedFile.Key("dev", "cn-north-4", "not-an-id", "bad-id", "", "KEYPORT", null, null, null),
                new SeedFile.Key("dev", "cn-north-4", id(0, 2), null, "", "KEYPORT", null, null, null))) {
            assertThatThrownBy(() -> SeedFile.apply(List.of(good, bad), opened.keyport()))
                    .isInstanceOfSatisfying(BadSettingException.class, e -> {
                        assertThat(e.setting()).isEqualTo("KEYPORT_SEED");
                        assertThat(e.getMessage()).contains(bad.keyId());
                    });
        }
        assertThatThrownBy(() -> describe(opened.keyport(), good.keyId())).isInstanceOf(KeyNotFoundException.class);
        assertThat(((InMemoryKeyStorage) opened.storage()).auditLog().records()).isEmpty();
    }

    /** What is wrong with the bad key in the middle of the second batch. */
    enum Badness { UNREADABLE, REFUSED_BY_THE_DOMAIN, ALIAS_TAKEN, ID_IN_ANOTHER_SCOPE }

    @ParameterizedTest(name = "{0}, {1}")
    @EnumSource(Badness.class)
    void aBadKeyStopsTheStartNamingItAndNothingOfItsBatchIsMade(Badness badness) throws Exception {
        for (Store store : Store.values()) {
            Opened opened = open(store);
            int keys = SeedFile.BATCH + 10;
            int badIndex = SeedFile.BATCH + 5;
            Path file = folder.resolve("bad-" + badness + "-" + store + ".json");
            Files.writeString(file, seedFile(IntStream.range(0, keys).mapToObj(i -> i == badIndex ? bad(badness, i)
                    : keyJson(i))));

            assertThatThrownBy(() -> SeedFile.apply(file, opened.keyport())).as(store.toString())
                    .isInstanceOfSatisfying(BadSettingException.class, e -> {
                        assertThat(e.setting()).isEqualTo("KEYPORT_SEED");
                        assertThat(e.getMessage()).contains(badness == Badness.ID_IN_ANOTHER_SCOPE ? id(1, 0)
                                : id(1, badIndex));
                    });
            for (int i : new int[] {0, SeedFile.BATCH - 1}) {
                assertThat(describe(opened.keyport(), id(1, i)).state()).as("the first batch is made")
                        .isEqualTo(KeyState.ENABLED);
            }
            for (int i = SeedFile.BATCH; i < keys; i++) {
                String id = id(1, i);
                assertThatThrownBy(() -> describe(opened.keyport(), id)).as(store + ": nothing of the second batch")
                        .isInstanceOf(KeyNotFoundException.class);
            }

            Files.writeString(file, seedFile(IntStream.range(0, keys).mapToObj(SeedFileTest::keyJson)));
            assertThat(SeedFile.apply(file, opened.keyport())).as("the file mended, the start completes")
                    .isEqualTo(new SeedFile.Applied(10, SeedFile.BATCH));
        }
    }

    @Test
    void aRefusedBatchStopsTheReadingOfTheBatchesBehindIt() throws Exception {
        Opened opened = open(Store.IN_MEMORY);
        Path file = folder.resolve("refused-early.json");
        Files.writeString(file, seedFile(IntStream.range(0, SeedFile.BATCH * 5).mapToObj(i -> i == 3
                ? bad(Badness.REFUSED_BY_THE_DOMAIN, i) : keyJson(i))));
        assertThatThrownBy(() -> SeedFile.apply(file, opened.keyport())).isInstanceOf(BadSettingException.class)
                .hasMessageContaining(id(1, 3));
        assertThat(Thread.getAllStackTraces().keySet()).as("the reader is done when the start stops")
                .noneMatch(thread -> thread.getName().equals("keyport-seed-reader"));
        assertThatThrownBy(() -> describe(opened.keyport(), id(1, SeedFile.BATCH)))
                .as("nothing read ahead was made").isInstanceOf(KeyNotFoundException.class);
    }

    private static String bad(Badness badness, int i) {
        return switch (badness) {
            case UNREADABLE -> keyJson(i).replace("\"KEYPORT\"", "\"ELSEWHERE\"");
            case REFUSED_BY_THE_DOMAIN -> keyJson(i).replace("\"Enabled\"", "\"PendingDelete\",\"pendingDays\":3");
            case ALIAS_TAKEN -> keyJson(i).replace("bulk-" + i, "bulk-0");
            case ID_IN_ANOTHER_SCOPE -> keyJson(i).replace("\"keyId\":\"" + id(1, i), "\"keyId\":\"" + id(1, 0))
                    .replace("\"cn-north-4\"", "\"cn-east-3\"");
        };
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aLargeFileIsReadAsAStreamInBatchesAndAnIdGivenTwiceIsMadeOnce(Store store) throws Exception {
        Keyport keyport = open(store).keyport();
        int keys = SeedFile.BATCH * 2 + 7;
        List<String> json = new ArrayList<>(IntStream.range(0, keys).mapToObj(SeedFileTest::keyJson).toList());
        json.add(keyJson(3).replace("bulk-3", "bulk-3-again")); // later, in another batch
        json.add(5, keyJson(4).replace("bulk-4", "bulk-4-again")); // in the same batch
        Path file = folder.resolve("seed.json");
        Files.writeString(file, seedFile(json.stream()));
        assertThat(SeedFile.apply(file, keyport)).isEqualTo(new SeedFile.Applied(keys, 2));
        for (int i : new int[] {0, 3, 4, SeedFile.BATCH, keys - 1}) {
            KeyView view = describe(keyport, id(1, i));
            assertThat(view.state()).isEqualTo(KeyState.ENABLED);
            assertThat(view.alias().value()).as("made as first given").isEqualTo("bulk-" + i);
        }
        assertThat(SeedFile.apply(file, keyport)).as("a restart").isEqualTo(new SeedFile.Applied(0, keys + 2));
    }

    @Test
    void aFieldThatIsNotKeysOrAnUnknownFieldOfAKeyNamesTheSetting() throws Exception {
        Keyport keyport = open(Store.IN_MEMORY).keyport();
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

    private static String seedFile(Stream<String> keys) {
        return keys.collect(Collectors.joining(",", "{\"keys\": [", "]}"));
    }

    private static String keyJson(int i) {
        return "{\"tenant\":\"dev\",\"region\":\"cn-north-4\",\"keyId\":\"" + id(1, i) + "\",\"alias\":\"bulk-" + i
                + "\",\"description\":\"\",\"origin\":\"KEYPORT\",\"state\":\"Enabled\"}";
    }
}
