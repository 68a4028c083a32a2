package dev.keyport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.LifecyclePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on H2 in file mode: the embedded default. */
class H2StoreTest extends JdbcStoreContract {

    @TempDir
    Path directory;

    @Override
    JdbcStoreConfig database() {
        return TestDatabases.freshH2(directory);
    }

    /** The rows, and every byte of every file H2 wrote. */
    @Override
    List<String> scanForSecrets(JdbcStore store, byte[] secret) throws Exception {
        List<String> found = new ArrayList<>(rowsContaining(store, secret));
        byte[][] forms = {secret, HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(secret)};
        for (Path file : files()) {
            byte[] content = Files.readAllBytes(file);
            for (byte[] form : forms) {
                if (indexOf(content, form) >= 0) {
                    found.add(file.getFileName().toString());
                }
            }
        }
        return found;
    }

    @Test
    void eachConnectionKeepsEveryStatementTheStoreRunsPrepared() throws Exception {
        assertThat(Integer.parseInt(setting(open(), "QUERY_CACHE_SIZE"))).isGreaterThanOrEqualTo(32);
    }

    /**
     * H2's automatic ANALYZE scans a table at a commit, outside the transaction's snapshot; with freed space reused
     * at once and the store compacting, that scan can read a chunk already freed and fail the commit of a change
     * that is made ("Chunk N not found", H2 issue 4383). The store turns it off.
     */
    @Test
    void noCommitScansATableForStatistics() throws Exception {
        JdbcStore store = open();
        assertThat(setting(store, "ANALYZE_AUTO")).isEqualTo("0");
        assertThat(setting(store, "RETENTION_TIME")).isEqualTo("0");
    }

    private static String setting(JdbcStore store, String name) throws java.sql.SQLException {
        try (java.sql.Connection c = store.dataSource().getConnection();
             java.sql.PreparedStatement query = c.prepareStatement(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            query.setString(1, name);
            try (java.sql.ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as(name).isTrue();
                return rs.getString(1);
            }
        }
    }

    /**
     * While the database is open, H2's append-only file may still hold the sealed (never the clear) material in
     * chunks it has not reused yet; closing compacts the file, and then not one copy is left.
     */
    @Test
    void afterADeleteAndACloseNotEvenTheSealedMaterialIsLeftInTheFiles() throws Exception {
        JdbcStore store = open();
        Keyport keyport = keyport(store);
        KeyId id = createExternal(keyport, "physically-gone");
        importMaterial(keyport, id, material(), Optional.empty(), LifecyclePolicy.TENCENT);
        byte[] sealed = sealedMaterial(store, id);
        keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(CALLER, id));
        store.close();

        for (Path file : files()) {
            assertThat(indexOf(Files.readAllBytes(file), sealed)).as(file.toString()).isNegative();
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            if (files.isEmpty()) {
                throw new IllegalStateException("H2 wrote no file under " + directory);
            }
            return files;
        }
    }
}
