package dev.keyport.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.adapter.jdbc.MasterKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's master-key rotation procedure, end to end on H2 and on PostgreSQL: keys made and used through the
 * official SDK, the server stopped, {@code keyport rotate-master-key}, then the old key refused and everything sealed
 * before readable under the new one.
 */
class MasterKeyRotationIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path directory;

    @Test
    void onH2TheDataFoldersKeyIsReplaced() throws Exception {
        Map<String, String> env = TestEnvironment.of(directory);
        Used used = useKeys(env);
        Path keyFile = directory.resolve("data").resolve(MasterKeys.FILE);
        String old = Files.readString(keyFile).strip();

        CommandLineTest.Run rotation = CommandLineTest.run(env, "rotate-master-key", "--new-key-file",
                newKeyFile().toString());

        assertThat(rotation.exit()).as(rotation.err()).isZero();
        assertThat(rotation.out()).contains("re-sealed 3 secrets").contains("now holds the new key");
        assertThat(Files.readString(keyFile).strip()).isNotEqualTo(old);
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertRefused(with(env, "KEYPORT_MASTER_KEY", old));
        assertReadable(env, used);
    }

    @Test
    void onPostgresTheGivenKeyIsRotatedAndEveryServerMustTakeTheNewOne() throws Exception {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        String old = MasterKey.generate(RANDOM).toBase64();
        Map<String, String> env = TestEnvironment.of(directory, "KEYPORT_DB_URL", database.url(), "KEYPORT_DB_USER",
                database.user(), "KEYPORT_MASTER_KEY", old);
        Used used = useKeys(env);
        Path next = newKeyFile();

        CommandLineTest.Run rotation = CommandLineTest.run(env, "rotate-master-key", "--new-key-file",
                next.toString());

        assertThat(rotation.exit()).as(rotation.err()).isZero();
        assertThat(rotation.out()).contains("re-sealed 3 secrets").contains("KEYPORT_MASTER_KEY");
        assertRefused(env);
        assertReadable(with(env, "KEYPORT_MASTER_KEY", Files.readString(next).strip()), used);
    }

    @Test
    void aNewKeyFileThatIsNotAKeyOrIsTheCurrentKeyIsRefusedAndNothingChanges() throws Exception {
        Map<String, String> env = TestEnvironment.of(directory);
        useKeys(env);
        Path garbage = Files.writeString(directory.resolve("garbage.key"), "not a key");
        CommandLineTest.Run refused = CommandLineTest.run(env, "rotate-master-key", "--new-key-file",
                garbage.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).startsWith("keyport: --new-key-file: ");
        Path current = directory.resolve("data").resolve(MasterKeys.FILE);
        assertThat(CommandLineTest.run(env, "rotate-master-key", "--new-key-file", current.toString()).err())
                .contains("holds the current master key");
        Main.start(env, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()))
                .stop(Duration.ofSeconds(5));
    }

    /** A key with material, a blob under it, and an outstanding import grant: three kinds of sealed secret. */
    private record Used(String keyId, String blob) {
    }

    private Used useKeys(Map<String, String> env) throws Exception {
        KeyportServer server = Main.start(env, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        try {
            VendorClients clients = new VendorClients(server);
            byte[] material = new byte[32];
            RANDOM.nextBytes(material);
            String keyId = clients.tencentCreateExternal("rotation-" + RANDOM.nextInt(1_000_000));
            clients.tencentImport(keyId, material);
            return new Used(keyId, clients.tencentEncrypt(keyId, "sealed before the rotation"));
        } finally {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private static void assertRefused(Map<String, String> env) {
        assertThatThrownBy(() -> Main.start(env, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOfSatisfying(BadSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("KEYPORT_MASTER_KEY"));
    }

    private static void assertReadable(Map<String, String> env, Used used) throws Exception {
        KeyportServer server = Main.start(env, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        try {
            VendorClients clients = new VendorClients(server);
            assertThat(clients.tencentState(used.keyId())).isEqualTo("Enabled");
            assertThat(clients.tencentDecrypt(used.blob())).isEqualTo("sealed before the rotation");
        } finally {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private Path newKeyFile() throws Exception {
        Path file = directory.resolve("new-" + RANDOM.nextInt(1_000_000) + ".key");
        Files.writeString(file, MasterKey.generate(RANDOM).toBase64() + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> changed = new HashMap<>(env);
        changed.put(name, value);
        return changed;
    }
}
