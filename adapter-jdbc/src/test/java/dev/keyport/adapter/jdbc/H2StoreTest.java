package dev.keyport.adapter.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
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
