package dev.keyport.adapter.jdbc;

import static dev.keyport.adapter.jdbc.JdbcStoreContract.CALLER;
import static dev.keyport.adapter.jdbc.JdbcStoreContract.WRAPPING_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.application.port.in.CancelKeyDeletionCommand;
import dev.keyport.application.port.in.CloudResourceCommand;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.ListKeysCommand;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.in.SweepCommand;
import dev.keyport.application.port.in.SweepResult;
import dev.keyport.application.testing.MutableClock;
import dev.keyport.domain.Alias;
import dev.keyport.domain.CloudResource;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through Keyport on H2, a sealed secret is opened only by the operation that needs it: no use case opens a grant's
 * private key but ImportKeyMaterial, which opens the one its token names; only Encrypt and Decrypt open material.
 * Describing, listing, state changes, bindings, deletion and the sweeps (expiry, purge) open nothing.
 */
class H2SecretsOpenedOnDemandTest {

    /** A sealer that records every value it opens, as "column owner". */
    static final class CountingSealer extends Sealer {

        final List<String> opened = new CopyOnWriteArrayList<>();

        CountingSealer(MasterKey masterKey) {
            super(masterKey, TestDatabases.RANDOM);
        }

        @Override
        byte[] open(byte[] sealed, String column, String owner) {
            opened.add(column + " " + owner);
            return super.open(sealed, column, owner);
        }
    }

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(JdbcStoreContract.T0);
    private CountingSealer sealer;
    private JdbcStore store;
    private Keyport keyport;

    @BeforeEach
    void open() {
        JdbcStoreConfig config = TestDatabases.freshH2(directory);
        sealer = new CountingSealer(config.masterKey());
        store = JdbcStore.open(config, sealer);
        keyport = Keyport.builder().clock(clock).storage(store).wrappingKeys((use, now) -> WRAPPING_KEY).build();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void describingChangingListingAndSweepingKeysOpenNoMaterialAndNoPrivateKey() {
        KeyId imported = createKey("imported", Origin.EXTERNAL);
        importMaterial(imported, parameters(imported), Optional.empty());
        for (int i = 0; i < 3; i++) {
            parameters(imported);
        }
        KeyId expiring = createKey("expiring", Origin.EXTERNAL);
        importMaterial(expiring, parameters(expiring), Optional.of(clock.instant().plus(Duration.ofHours(1))));
        KeyId generated = createKey("generated", Origin.KEYPORT);
        assertThat(sealer.opened).as("creating, issuing and importing seal; each import opened its grant")
                .hasSize(2);
        sealer.opened.clear();

        for (KeyId id : List.of(imported, generated)) {
            keyport.describeKey(new DescribeKeyCommand(CALLER, id));
            keyport.disableKey(new DisableKeyCommand(CALLER, id));
            keyport.enableKey(new EnableKeyCommand(CALLER, id));
            keyport.bindCloudResource(new CloudResourceCommand(CALLER, id, new CloudResource("ssm", "s-1")));
            keyport.unbindCloudResource(new CloudResourceCommand(CALLER, id, new CloudResource("ssm", "s-1")));
        }
        parameters(imported);
        keyport.listKeys(new ListKeysCommand(CALLER, EnumSet.allOf(KeyState.class), Optional.empty(),
                Optional.empty(), Optional.empty(), true, 0, 100));
        for (KeyId id : List.of(imported, generated)) {
            keyport.disableKey(new DisableKeyCommand(CALLER, id));
            keyport.scheduleKeyDeletion(new ScheduleKeyDeletionCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT), id,
                    7));
        }
        keyport.cancelKeyDeletion(new CancelKeyDeletionCommand(CALLER, imported));
        keyport.enableKey(new EnableKeyCommand(CALLER, imported));
        clock.advance(Duration.ofDays(8));
        SweepResult swept = keyport.sweep(new SweepCommand(100));
        assertThat(swept.materialExpired()).isEqualTo(1);
        assertThat(swept.keysPurged()).isEqualTo(1);

        assertThat(sealer.opened).isEmpty();

        byte[] ciphertext = keyport.encrypt(new EncryptCommand(CALLER, imported, "p".getBytes(), null)).ciphertext();
        assertThat(sealer.opened).containsExactly(SealedSecrets.MATERIAL_COLUMN + " " + imported.value());
        keyport.decrypt(new DecryptCommand(CALLER, ciphertext, null));
        assertThat(sealer.opened).as("each use case loads the key afresh").containsExactly(
                SealedSecrets.MATERIAL_COLUMN + " " + imported.value(),
                SealedSecrets.MATERIAL_COLUMN + " " + imported.value());
    }

    @Test
    void anImportOpensExactlyThePrivateKeyOfTheGrantItsTokenNames() throws SQLException {
        KeyId id = createKey("importing", Origin.EXTERNAL);
        List<ImportParameters> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            issued.add(parameters(id));
            clock.advance(Duration.ofSeconds(1));
        }
        List<String> grants = grantsOldestFirst(id);
        assertThat(grants).hasSize(3);
        assertThat(sealer.opened).isEmpty();

        importMaterial(id, issued.get(1), Optional.empty());

        assertThat(sealer.opened).containsExactly(SealedSecrets.PRIVATE_KEY_COLUMN + " "
                + SealedSecrets.privateKeyOwner(id.value(), grants.get(1)));
        assertThat(keyport.describeKey(new DescribeKeyCommand(CALLER, id)).state()).isEqualTo(KeyState.ENABLED);
    }

    private KeyId createKey(String alias, Origin origin) {
        return keyport.createKey(new CreateKeyCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT), Alias.of(alias),
                Description.NONE, KeyUsage.ENCRYPT_DECRYPT, origin)).id();
    }

    private ImportParameters parameters(KeyId id) {
        return keyport.getParametersForImport(new GetParametersForImportCommand(CALLER, id,
                WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
    }

    private void importMaterial(KeyId id, ImportParameters parameters, Optional<Instant> expiry) {
        keyport.importKeyMaterial(new ImportKeyMaterialCommand(CALLER.withPolicy(LifecyclePolicy.TENCENT), id,
                parameters.token(), WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(WRAPPING_KEY.publicKey(),
                JdbcStoreContract.material()), expiry));
    }

    private List<String> grantsOldestFirst(KeyId id) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT grant_id FROM import_grant WHERE key_id = ? ORDER BY issued_at")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    grants.add(rs.getString(1));
                }
            }
        }
        return grants;
    }
}
