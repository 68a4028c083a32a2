package dev.keyport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CloudResourceCommand;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.KeysCommand;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.in.SeedKeysCommand;
import dev.keyport.application.port.in.SeedKeysResult;
import dev.keyport.application.port.in.SweepCommand;
import dev.keyport.application.port.in.SweepResult;
import dev.keyport.application.port.in.UpdateAliasCommand;
import dev.keyport.application.port.in.UpdateDescriptionCommand;
import dev.keyport.application.testing.MutableClock;
import dev.keyport.domain.Alias;
import dev.keyport.domain.AliasAlreadyExistsException;
import dev.keyport.domain.ChangeReason;
import dev.keyport.domain.CloudResource;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.Description;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyChange;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeySeed;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.SecretAccess;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store must do on each database: survive a restart, migrate an empty database, keep no secret in
 * clear, and stay consistent under concurrent use, by one server or several sharing the database.
 */
abstract class JdbcStoreContract {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Caller CALLER = new Caller(KeyScope.of("tenant-a", "ap-guangzhou"), "AKIDtest", "req-1", LifecyclePolicy.NEUTRAL);
    /** Wrapping keys are slow to generate and not what these tests are about. */
    static final WrappingKeyPair WRAPPING_KEY = WrappingKeySpec.RSA_2048.generate(TestDatabases.RANDOM);

    final MutableClock clock = new MutableClock(T0);
    private final List<JdbcStore> opened = new ArrayList<>();

    /** The configuration of a new, empty database, the same on every call of one test. */
    abstract JdbcStoreConfig database();

    /** Every secret-shaped byte sequence found in the database's rows, as hex and base64 strings and raw bytes. */
    abstract List<String> scanForSecrets(JdbcStore store, byte[] secret) throws Exception;

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcStore::close);
    }

    JdbcStore open() {
        JdbcStore store = JdbcStore.open(database(), TestDatabases.RANDOM);
        opened.add(store);
        return store;
    }

    Keyport keyport(JdbcStore store) {
        return Keyport.builder().clock(clock).storage(store).wrappingKeys((use, now) -> WRAPPING_KEY).build();
    }

    static byte[] material() {
        byte[] material = new byte[32];
        TestDatabases.RANDOM.nextBytes(material);
        return material;
    }

    static KeyId createExternal(Keyport keyport, String alias) {
        return keyport.createKey(new CreateKeyCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT), Alias.of(alias), Description.of("at rest"),
                KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL)).id();
    }

    static void importMaterial(Keyport keyport, KeyId id, byte[] material, Optional<Instant> expiry,
                               LifecyclePolicy policy) {
        ImportParameters parameters = keyport.getParametersForImport(new GetParametersForImportCommand(CALLER, id,
                WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
        keyport.importKeyMaterial(new ImportKeyMaterialCommand(CALLER.withPolicy(policy), id, parameters.token(),
                WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(WRAPPING_KEY.publicKey(), material), expiry));
    }

    private Cmk load(JdbcStore store, KeyId id) {
        return store.transactions().inTransaction(() -> store.keys().find(CALLER.scope(), id)).orElseThrow();
    }

    @Test
    void everyTransactionIsRepeatableReadAndLeavesItsConnectionAsItWas() throws SQLException {
        JdbcStore store = open();
        for (int i = 0; i < 3; i++) {
            int level = store.transactions().inTransaction(() -> {
                try {
                    return ((JdbiTransactions) store.transactions()).handle().getConnection().getTransactionIsolation();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(level).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        }
        try (Connection c = store.dataSource().getConnection()) {
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    /** Whether the read-only unit of work's connection is in a transaction once {@code id} is loaded in it. */
    private static boolean loadedInATransaction(JdbcStore store, KeyId id) {
        JdbiTransactions transactions = (JdbiTransactions) store.transactions();
        return transactions.readOnly(() -> {
            assertThat(store.keys().find(CALLER.scope(), id)).isPresent();
            try {
                return !transactions.handle().getConnection().getAutoCommit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aReadOnlyLoadOfAKeyWithoutChildrenIsOneStatementInAutocommitAndOneWithChildrenIsATransaction()
            throws SQLException {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        KeyId plain = keyport.createKey(new CreateKeyCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT),
                Alias.of("ro-plain"), Description.NONE, KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
        KeyId bound = keyport.createKey(new CreateKeyCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT),
                Alias.of("ro-bound"), Description.NONE, KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
        keyport.bindCloudResource(new CloudResourceCommand(CALLER, bound, new CloudResource("ssm", "ro-secret")));

        assertThat(loadedInATransaction(store, plain)).as("no children: autocommit").isFalse();
        assertThat(loadedInATransaction(store, bound)).as("a binding: read in one snapshot").isTrue();
        Cmk read = store.transactions().readOnly(() -> store.keys().find(CALLER.scope(), bound)).orElseThrow();
        try {
            assertThat(read.bindings()).containsExactly(new CloudResource("ssm", "ro-secret"));
        } finally {
            read.discard();
        }
        assertThat(keyport.describeKey(new DescribeKeyCommand(CALLER, bound)).id()).isEqualTo(bound);
        try (Connection c = store.dataSource().getConnection()) {
            assertThat(c.getAutoCommit()).as("the connection is returned as it was").isTrue();
        }
    }

    @Test
    void aReadOnlyUnitOfWorkThatWritesIsRefusedAndStoresNothing() {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        KeyId id = keyport.createKey(new CreateKeyCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT),
                Alias.of("ro-write"), Description.NONE, KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> store.transactions().readOnly(() -> {
            Cmk key = store.keys().find(CALLER.scope(), id).orElseThrow();
            try {
                key.disable(clock.instant());
                store.keys().update(key);
                return null;
            } finally {
                key.discard();
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThat(keyport.describeKey(new DescribeKeyCommand(CALLER, id)).state()).isEqualTo(KeyState.ENABLED);
    }

    // ----------------------------------------------------------------------------------------------- migrations

    @Test
    void anEmptyDatabaseIsMigratedToTheCurrentSchema() throws SQLException {
        JdbcStore store = open();
        assertThat(store.migrationsApplied()).isEqualTo(2);
        assertThat(store.schemaVersion()).isEqualTo("2");
        try (Connection c = store.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : List.of("cmk", "cmk_material", "cmk_binding", "import_grant", "audit_log")) {
                boolean found = false;
                for (String name : List.of(table, table.toUpperCase())) {
                    try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                        found |= rs.next();
                    }
                }
                assertThat(found).as(table).isTrue();
            }
        }
        store.close();
        opened.remove(store);
        JdbcStore again = open();
        assertThat(again.migrationsApplied()).as("already current").isZero();
        assertThat(again.schemaVersion()).isEqualTo("2");
    }

    @Test
    void aWrongMasterKeyIsRefusedBeforeAnythingIsServed() {
        JdbcStore store = open();
        assertThat(store.isReady()).isTrue();
        store.close();
        opened.remove(store);
        JdbcStoreConfig right = database();
        JdbcStoreConfig wrong = new JdbcStoreConfig(right.jdbcUrl(), right.user(), right.password(),
                MasterKey.generate(TestDatabases.RANDOM), 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JdbcStore.open(wrong, TestDatabases.RANDOM))
                .isInstanceOf(JdbcStore.WrongMasterKeyException.class);
        opened.add(JdbcStore.open(right, TestDatabases.RANDOM));
    }

    @Test
    void keysAreCountedByTheirStateAsOfNowWithoutWaitingForASweep() {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        createExternal(keyport, "count-1");
        createExternal(keyport, "count-2");
        keyport.createKey(new CreateKeyCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT), Alias.of("count-3"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT));
        KeyId expiring = createExternal(keyport, "count-4");
        importMaterial(keyport, expiring, material(), Optional.of(T0.plus(Duration.ofHours(1))),
                LifecyclePolicy.TENCENT);
        KeyId doomed = keyport.createKey(new CreateKeyCommand(CALLER.withPolicy(LifecyclePolicy.HUAWEI), Alias.of("count-5"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
        keyport.scheduleKeyDeletion(new ScheduleKeyDeletionCommand(CALLER.withPolicy(LifecyclePolicy.HUAWEI), doomed, 7));
        assertThat(store.keysByState(clock.instant())).containsExactlyInAnyOrderEntriesOf(Map.of(
                KeyState.PENDING_IMPORT, 2L, KeyState.ENABLED, 2L, KeyState.PENDING_DELETE, 1L));

        clock.advance(Duration.ofDays(8)); // no sweep has run
        assertThat(store.keysByState(clock.instant())).as("expired material counts as pending import, a key past "
                + "its deletion date is gone").containsExactlyInAnyOrderEntriesOf(Map.of(
                KeyState.PENDING_IMPORT, 3L, KeyState.ENABLED, 1L));
    }

    @Test
    void aMasterKeyRotationReSealsEverySecretAndThenOnlyTheNewKeyOpensTheStore() throws Exception {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        byte[] material = material();
        KeyId imported = createExternal(keyport, "rotated");
        importMaterial(keyport, imported, material, Optional.empty(), LifecyclePolicy.TENCENT);
        KeyId pending = createExternal(keyport, "rotated-pending");
        ImportParameters outstanding = keyport.getParametersForImport(new GetParametersForImportCommand(CALLER,
                pending, WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
        byte[] ciphertext = keyport.encrypt(new EncryptCommand(CALLER, imported, "rotate me".getBytes(), null))
                .ciphertext();
        byte[] sealedBefore = sealedMaterial(store, imported);

        MasterKey next = MasterKey.generate(TestDatabases.RANDOM);
        assertThat(store.rotateMasterKey(next, TestDatabases.RANDOM))
                .as("one material, two import grants (one per GetParametersForImport), the check").isEqualTo(4);
        assertThat(rowsContaining(store, sealedBefore)).as("no value sealed under the old key is left").isEmpty();
        store.close();
        opened.remove(store);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JdbcStore.open(database(), TestDatabases.RANDOM))
                .as("the old key").isInstanceOf(JdbcStore.WrongMasterKeyException.class);
        JdbcStore reopened = JdbcStore.open(database().withMasterKey(next), TestDatabases.RANDOM);
        opened.add(reopened);
        Keyport again = keyport(reopened);
        assertThat(again.decrypt(new DecryptCommand(CALLER, ciphertext, null)).plaintext())
                .isEqualTo("rotate me".getBytes());
        again.importKeyMaterial(new ImportKeyMaterialCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT), pending, outstanding.token(),
                WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(WRAPPING_KEY.publicKey(), material()), Optional.empty()));
        assertThat(again.describeKey(new DescribeKeyCommand(CALLER, pending)).state()).isEqualTo(KeyState.ENABLED);
        assertThat(scanForSecrets(reopened, next.toBase64().getBytes())).isEmpty();
    }

    // ----------------------------------------------------------------------------------------------- restart

    @Test
    void anAliasAndDescriptionChangeIsStoredAndAnAliasTakenInTheScopeIsRefusedWithNothingStored()
            throws SQLException {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        KeyId mine = createExternal(keyport, "mine");
        createExternal(keyport, "taken");
        keyport.updateAlias(new UpdateAliasCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT), mine,
                Alias.of("renamed")));
        keyport.updateDescription(new UpdateDescriptionCommand(CALLER, mine, Description.of("described")));
        assertThatThrownBy(() -> keyport.updateAlias(new UpdateAliasCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT),
                mine, Alias.of("taken")))).isInstanceOfSatisfying(AliasAlreadyExistsException.class,
                        e -> assertThat(e.keyId()).contains(mine));

        store.close();
        opened.remove(store);
        JdbcStore again = open();
        Cmk reloaded = load(again, mine);
        assertThat(reloaded.alias()).isEqualTo(Alias.of("renamed"));
        assertThat(reloaded.description()).isEqualTo(Description.of("described"));
        assertThat(reloaded.version()).isEqualTo(3);
        assertThat(auditChanges(again, mine)).containsSubsequence("ALIAS_CHANGED/REQUESTED",
                "DESCRIPTION_CHANGED/REQUESTED");
    }

    @Test
    void aBatchOfDisablesIsAllOrNothingInTheStore() throws SQLException {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        KeyId first = createExternal(keyport, "first");
        KeyId second = createExternal(keyport, "second");
        importMaterial(keyport, first, material(), Optional.empty(), LifecyclePolicy.TENCENT);
        // second is pending import: DisableKey refuses it, so the batch refuses and first stays Enabled
        assertThatThrownBy(() -> keyport.disableKeys(new KeysCommand(CALLER, List.of(first, second))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_NOT_ENABLED);
                    assertThat(e.keyId()).contains(second);
                });
        assertThat(load(store, first).state()).isEqualTo(KeyState.ENABLED);
        assertThat(auditChanges(store, first)).doesNotContain("DISABLED/REQUESTED");

        importMaterial(keyport, second, material(), Optional.empty(), LifecyclePolicy.TENCENT);
        keyport.disableKeys(new KeysCommand(CALLER, List.of(first, second)));
        assertThat(load(store, first).state()).isEqualTo(KeyState.DISABLED);
        assertThat(load(store, second).state()).isEqualTo(KeyState.DISABLED);
    }

    @Test
    void everyKindOfKeyReadsBackIdenticalAfterARestart() {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        byte[] material = material();
        KeyId imported = createExternal(keyport, "imported");
        importMaterial(keyport, imported, material, Optional.of(T0.plus(Duration.ofDays(30))), LifecyclePolicy.TENCENT);
        KeyId bound = createExternal(keyport, "bound");
        importMaterial(keyport, bound, material(), Optional.empty(), LifecyclePolicy.HUAWEI);
        keyport.bindCloudResource(new CloudResourceCommand(CALLER, bound, new CloudResource("ssm", "secret-1")));
        KeyId deleted = createExternal(keyport, "deleted");
        importMaterial(keyport, deleted, material, Optional.empty(), LifecyclePolicy.TENCENT);
        keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(CALLER, deleted));
        KeyId generated = keyport.createKey(new CreateKeyCommand(CALLER.withPolicy(LifecyclePolicy.HUAWEI), Alias.of("generated"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
        keyport.disableKey(new DisableKeyCommand(CALLER, generated));
        keyport.scheduleKeyDeletion(new ScheduleKeyDeletionCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT), generated, 7));
        ImportParameters pending = keyport.getParametersForImport(new GetParametersForImportCommand(CALLER, deleted,
                WrappingAlgorithm.RSAES_PKCS1_V1_5, WrappingKeySpec.RSA_2048));
        byte[] ciphertext = keyport.encrypt(new EncryptCommand(CALLER, imported, "survives".getBytes(), null))
                .ciphertext();

        List<KeyId> ids = List.of(imported, bound, deleted, generated);
        Map<KeyId, Object> before = new TreeMap<>();
        ids.forEach(id -> before.put(id, load(store, id).snapshot()));
        store.close();
        opened.remove(store);

        JdbcStore reopened = open();
        for (KeyId id : ids) {
            assertThat(load(reopened, id).snapshot()).usingRecursiveComparison().isEqualTo(before.get(id));
        }
        Keyport again = keyport(reopened);
        assertThat(again.decrypt(new DecryptCommand(CALLER, ciphertext, null)).plaintext())
                .isEqualTo("survives".getBytes());
        // the token issued before the restart still imports after it
        again.importKeyMaterial(new ImportKeyMaterialCommand(CALLER.withPolicy(LifecyclePolicy.HUAWEI), deleted, pending.token(),
                WrappingAlgorithm.RSAES_PKCS1_V1_5.wrap(WRAPPING_KEY.publicKey(), material), Optional.empty()));
        assertThat(again.describeKey(new DescribeKeyCommand(CALLER, deleted)).state()).isEqualTo(KeyState.ENABLED);
    }

    // ----------------------------------------------------------------------------------------------- at rest

    @Test
    void noFormOfTheMaterialOrTheWrappingPrivateKeyIsStoredInClear() throws Exception {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        byte[] material = material();
        KeyId id = createExternal(keyport, "at-rest");
        importMaterial(keyport, id, material, Optional.empty(), LifecyclePolicy.TENCENT);
        keyport.encrypt(new EncryptCommand(CALLER, id, "x".getBytes(), null));

        assertThat(scanForSecrets(store, material)).isEmpty();
        assertThat(scanForSecrets(store, WRAPPING_KEY.privateKeyPkcs8(SecretAccess.get()))).isEmpty();
        assertThat(scanForSecrets(store, TestDatabases.MASTER_KEY.toBase64().getBytes())).isEmpty();
    }

    @Test
    void afterADeleteNotEvenTheSealedMaterialRemains() throws Exception {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        KeyId id = createExternal(keyport, "shredded");
        importMaterial(keyport, id, material(), Optional.empty(), LifecyclePolicy.TENCENT);
        byte[] sealed = sealedMaterial(store, id);
        assertThat(rowsContaining(store, sealed)).as("the probe finds the sealed material while it is held")
                .isNotEmpty();

        keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(CALLER, id));

        assertThat(rowsContaining(store, sealed)).isEmpty();
        assertThat(load(store, id).state()).isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void expiredMaterialIsDeletedFromTheDatabaseByTheSweep() throws Exception {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        KeyId id = createExternal(keyport, "expires");
        importMaterial(keyport, id, material(), Optional.of(T0.plus(Duration.ofHours(1))), LifecyclePolicy.TENCENT);
        byte[] sealed = sealedMaterial(store, id);
        clock.advance(Duration.ofHours(1));

        assertThat(keyport.describeKey(new DescribeKeyCommand(CALLER, id)).state())
                .as("seen before any sweep").isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(keyport.sweep(new SweepCommand(100))).isEqualTo(new SweepResult(1, 0, 0));
        assertThat(rowsContaining(store, sealed)).isEmpty();
        assertThat(auditChanges(store, id)).contains("MATERIAL_DELETED/MATERIAL_EXPIRED");
    }

    static byte[] sealedMaterial(JdbcStore store, KeyId id) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
             var s = c.prepareStatement("SELECT sealed FROM cmk_material WHERE key_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    /** Every table and column whose value contains {@code secret}, or its hex or base64. */
    static List<String> rowsContaining(JdbcStore store, byte[] secret) throws SQLException {
        String hex = HexFormat.of().formatHex(secret);
        String base64 = Base64.getEncoder().encodeToString(secret);
        List<String> found = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection()) {
            for (String table : List.of("cmk", "cmk_material", "cmk_binding", "import_grant", "audit_log")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            boolean hit = value instanceof byte[] bytes ? indexOf(bytes, secret) >= 0
                                    : value != null && (value.toString().contains(hex)
                                    || value.toString().contains(base64));
                            if (hit) {
                                found.add(table + "." + meta.getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static List<String> auditChanges(JdbcStore store, KeyId id) throws SQLException {
        List<String> changes = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection();
             var s = c.prepareStatement("""
                     SELECT change, reason FROM audit_log WHERE key_id = ? AND change IS NOT NULL
                     ORDER BY key_version, id""")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(rs.getString(1) + "/" + rs.getString(2));
                }
            }
        }
        return changes;
    }

    // ----------------------------------------------------------------------------------------------- audit retention

    @Test
    void theAuditTrailOlderThanTheCutoffIsExportedOldestFirstThenDeletedAndTheRestStays() throws SQLException {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        List<KeyId> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(createExternal(keyport, "old-" + i));
        }
        clock.advance(Duration.ofDays(31));
        KeyId recent = createExternal(keyport, "recent");
        List<Map<String, Object>> exported = new ArrayList<>();
        assertThat(store.exportAndPruneAudit(T0.plus(Duration.ofDays(30)), 2, exported::addAll)).isEqualTo(5);
        assertThat(exported).extracting(row -> row.get("key_id"))
                .containsExactlyElementsOf(old.stream().map(KeyId::value).toList());
        assertThat(exported.get(0)).containsKeys(AuditRetention.COLUMNS).containsEntry("tenant_id", "tenant-a")
                .containsEntry("change", "CREATED");
        for (KeyId id : old) {
            assertThat(auditChanges(store, id)).isEmpty();
        }
        assertThat(auditChanges(store, recent)).containsExactly("CREATED/REQUESTED");
        assertThat(store.exportAndPruneAudit(T0.plus(Duration.ofDays(30)), 2, exported::addAll)).isZero();
    }

    @Test
    void aSeededBatchIsStoredWithOneAuditRowPerKeyExportedLikeAnyOtherAndARefusedOneLeavesOnlyItsRefusal()
            throws SQLException {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        byte[] material = material();
        List<KeySeed> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean external = i % 4 == 0;
            batch.add(new KeySeed(KeyId.of(String.format("5eed0000-0000-4000-8000-%012d", i)), CALLER.scope(),
                    Alias.of("seeded-" + i), Description.of("seed " + i), KeyUsage.ENCRYPT_DECRYPT,
                    external ? Origin.EXTERNAL : Origin.KEYPORT,
                    external ? Optional.of(KeyMaterial.of(material)) : Optional.empty(),
                    i % 3 == 0 ? KeyState.DISABLED : KeyState.ENABLED, 30));
        }
        SeedKeysResult result = keyport.seedKeys(new SeedKeysCommand("seeder", LifecyclePolicy.NEUTRAL, batch));
        assertThat(result).isEqualTo(new SeedKeysResult(40, 0));
        for (KeySeed seed : batch) {
            assertThat(auditChanges(store, seed.id())).containsExactly("SEEDED/REQUESTED");
            assertThat(load(store, seed.id()).state()).isEqualTo(seed.state());
        }
        KeyId byok = batch.get(4).id();
        byte[] ciphertext = keyport.encrypt(new EncryptCommand(CALLER, byok, "p".getBytes(), null)).ciphertext();
        Cmk loaded = load(store, byok);
        assertThat(loaded.material().orElseThrow().copyBytes(SecretAccess.get())).isEqualTo(material);
        assertThat(keyport.decrypt(new DecryptCommand(CALLER, ciphertext, null)).plaintext()).isEqualTo("p".getBytes());
        assertThat(keyport.seedKeys(new SeedKeysCommand("seeder", LifecyclePolicy.NEUTRAL, batch)))
                .as("a restart").isEqualTo(new SeedKeysResult(0, 40));

        KeySeed fresh = new KeySeed(KeyId.of("5eed0000-0000-4000-8000-000000000100"), CALLER.scope(),
                Alias.of("fresh"), Description.NONE, KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT, Optional.empty(),
                KeyState.ENABLED, 30);
        KeySeed clashing = new KeySeed(KeyId.of("5eed0000-0000-4000-8000-000000000101"), CALLER.scope(),
                Alias.of("seeded-7"), Description.NONE, KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT, Optional.empty(),
                KeyState.ENABLED, 30);
        assertThatThrownBy(() -> keyport.seedKeys(new SeedKeysCommand("seeder", LifecyclePolicy.NEUTRAL,
                List.of(fresh, clashing)))).isInstanceOfSatisfying(AliasAlreadyExistsException.class,
                        e -> assertThat(e.keyId()).contains(clashing.id()));
        assertThat(store.transactions().inTransaction(() -> store.keys().findStored(List.of(fresh.id(),
                clashing.id())))).isEmpty();
        assertThat(auditChanges(store, fresh.id())).isEmpty();

        List<Map<String, Object>> exported = new ArrayList<>();
        assertThat(store.exportAndPruneAudit(T0.plusSeconds(1), 7, exported::addAll)).isEqualTo(41);
        assertThat(exported).filteredOn(row -> "SUCCEEDED".equals(row.get("outcome"))).hasSize(40)
                .allSatisfy(row -> {
                    assertThat(row).containsEntry("operation", "SEED").containsEntry("change", "SEEDED")
                            .containsEntry("credential_id", "seeder");
                    assertThat(((Number) row.get("key_version")).longValue()).isEqualTo(1);
                    assertThat(row.get("request_id")).isEqualTo("seed-" + row.get("key_id"));
                });
        assertThat(exported).filteredOn(row -> "REFUSED".equals(row.get("outcome"))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("key_id", clashing.id().value())
                        .containsEntry("error_code", "ALIAS_ALREADY_EXISTS"));
    }

    @Test
    void aBatchWhoseExportFailsStaysInTheAuditTrail() throws SQLException {
        JdbcStore store = open();
        KeyId id = createExternal(keyport(store), "kept");
        clock.advance(Duration.ofDays(2));
        try {
            store.exportAndPruneAudit(clock.instant(), 100, rows -> {
                throw new IllegalStateException("disk full");
            });
            throw new AssertionError("the export's failure reaches the caller");
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("disk full");
        }
        assertThat(auditChanges(store, id)).containsExactly("CREATED/REQUESTED");
    }

    // ----------------------------------------------------------------------------------------------- concurrency

    @Test
    void racingChangesEndConsistentWithASerialOrderOfThoseThatSucceeded() throws Exception {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        List<KeyId> toggled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            toggled.add(keyport.createKey(new CreateKeyCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT), Alias.of("toggle-" + i), Description.NONE,
                    KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id());
        }
        byte[] material = material();
        List<KeyId> imported = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            KeyId id = createExternal(keyport, "byok-" + i);
            importMaterial(keyport, id, material, Optional.empty(), LifecyclePolicy.HUAWEI);
            imported.add(id);
        }
        Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
        int threads = 8;
        int operations = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < operations; i++) {
                        boolean toggle = random.nextBoolean();
                        KeyId id = toggle ? toggled.get(random.nextInt(toggled.size()))
                                : imported.get(random.nextInt(imported.size()));
                        String what = toggle ? (random.nextBoolean() ? "enable" : "disable")
                                : (random.nextBoolean() ? "delete" : "import");
                        try {
                            switch (what) {
                                case "enable" -> keyport.enableKey(new EnableKeyCommand(CALLER, id));
                                case "disable" -> keyport.disableKey(new DisableKeyCommand(CALLER, id));
                                case "delete" -> keyport.deleteImportedKeyMaterial(
                                        new DeleteImportedKeyMaterialCommand(CALLER, id));
                                default -> importMaterial(keyport, id, material, Optional.empty(),
                                        LifecyclePolicy.HUAWEI);
                            }
                            successes.computeIfAbsent(id + "/" + what, k -> new AtomicInteger()).incrementAndGet();
                        } catch (DomainException refused) {
                            // IMPORT_TOKEN_INVALID: more than Cmk.MAX_OUTSTANDING_GRANTS grants were issued
                            // for the key meanwhile, and this thread's was the oldest
                            assertThat(refused.code()).isIn(DomainErrorCode.KEY_NOT_DISABLED,
                                    DomainErrorCode.KEY_NOT_ENABLED, DomainErrorCode.IMPORT_STATE_NOT_SUPPORTED,
                                    DomainErrorCode.MATERIAL_DELETE_STATE_NOT_SUPPORTED,
                                    DomainErrorCode.IMPORT_TOKEN_INVALID, DomainErrorCode.CONCURRENT_MODIFICATION);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(successes.values().stream().mapToInt(AtomicInteger::get).sum()).as("changes that succeeded")
                .isPositive();
        for (KeyId id : toggled) {
            assertSerialHistory(store, id, Set.of("DISABLED", "ENABLED"), "DISABLED",
                    count(successes, id, "disable"), count(successes, id, "enable"),
                    Map.of("DISABLED", KeyState.DISABLED, "ENABLED", KeyState.ENABLED), KeyState.ENABLED);
        }
        for (KeyId id : imported) {
            // the history starts with the import that set the key up
            assertSerialHistory(store, id, Set.of("MATERIAL_IMPORTED", "MATERIAL_DELETED"), "MATERIAL_IMPORTED",
                    count(successes, id, "import") + 1, count(successes, id, "delete"),
                    Map.of("MATERIAL_DELETED", KeyState.PENDING_IMPORT, "MATERIAL_IMPORTED", KeyState.ENABLED),
                    KeyState.PENDING_IMPORT);
            Cmk key = load(store, id);
            if (key.state() == KeyState.ENABLED) {
                byte[] ciphertext = keyport.encrypt(new EncryptCommand(CALLER, id, "ok".getBytes(), null))
                        .ciphertext();
                assertThat(keyport.decrypt(new DecryptCommand(CALLER, ciphertext, null)).plaintext())
                        .isEqualTo("ok".getBytes());
            }
        }
    }

    private static int count(Map<String, AtomicInteger> successes, KeyId id, String what) {
        AtomicInteger n = successes.get(id + "/" + what);
        return n == null ? 0 : n.get();
    }

    /**
     * The audited changes of one key, in version order, alternate between the two kinds, starting with
     * {@code first}; there is one per success; the versions run 1, 2, 3 … without a gap or a repeat; and the stored
     * key is at the last version, in the state the last change left it in.
     */
    private void assertSerialHistory(JdbcStore store, KeyId id, Set<String> kinds, String first, int firstSuccesses,
                                     int secondSuccesses, Map<String, KeyState> stateAfter, KeyState initial)
            throws SQLException {
        List<String> history = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection();
             var s = c.prepareStatement("""
                     SELECT change, key_version FROM audit_log WHERE key_id = ? AND outcome = 'SUCCEEDED'
                     ORDER BY key_version, id""")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String change = rs.getString(1);
                    long version = rs.getLong(2);
                    if (versions.isEmpty() || versions.get(versions.size() - 1) != version) {
                        versions.add(version);
                    }
                    if (kinds.contains(change)) {
                        history.add(change);
                    }
                }
            }
        }
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i)).as("change %d of %s", i, id)
                    .isEqualTo(i % 2 == 0 ? first : kinds.stream().filter(k -> !k.equals(first)).findFirst().get());
        }
        assertThat(history.stream().filter(first::equals).count()).isEqualTo(firstSuccesses);
        assertThat(history.size()).isEqualTo(firstSuccesses + secondSuccesses);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).isEqualTo(i + 1L);
        }
        Cmk key = load(store, id);
        assertThat(key.version()).isEqualTo(versions.get(versions.size() - 1));
        assertThat(key.state()).isEqualTo(history.isEmpty() ? initial : stateAfter.get(history.get(history.size() - 1)));
    }

    @Test
    void twoServersSweepingTogetherExpireEachKeyOnce() throws Exception {
        JdbcStore first = open();
        JdbcStore second = open();
        Keyport one = keyport(first);
        Keyport two = keyport(second);
        List<KeyId> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            KeyId id = createExternal(one, "sweep-" + i);
            importMaterial(one, id, material(), Optional.of(T0.plus(Duration.ofMinutes(5 + i))),
                    LifecyclePolicy.TENCENT);
            ids.add(id);
        }
        clock.advance(Duration.ofHours(1));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<SweepResult> a = pool.submit(() -> {
                start.await();
                return one.sweep(new SweepCommand(100));
            });
            Future<SweepResult> b = pool.submit(() -> {
                start.await();
                return two.sweep(new SweepCommand(100));
            });
            start.countDown();
            assertThat(a.get(2, TimeUnit.MINUTES).materialExpired() + b.get(2, TimeUnit.MINUTES).materialExpired())
                    .isEqualTo(ids.size());
        } finally {
            pool.shutdownNow();
        }
        for (KeyId id : ids) {
            assertThat(auditChanges(first, id)).filteredOn(c -> c.startsWith("MATERIAL_DELETED"))
                    .containsExactly("MATERIAL_DELETED/" + ChangeReason.MATERIAL_EXPIRED);
            assertThat(load(second, id).state()).isEqualTo(KeyState.PENDING_IMPORT);
        }
        assertThat(auditChanges(first, ids.get(0))).contains("MATERIAL_IMPORTED/REQUESTED");
        assertThat(KeyChange.MATERIAL_DELETED.name()).isEqualTo("MATERIAL_DELETED");
    }
}
