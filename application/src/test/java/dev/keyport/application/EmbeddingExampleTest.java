package dev.keyport.application;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.Origin;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedding example of the README, compiled and run; and a check that the README shows exactly this code. */
class EmbeddingExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path THIS_FILE =
            Path.of("src", "test", "java", "dev", "keyport", "application", "EmbeddingExampleTest.java");

    @Test
    void theReadmeExampleRuns() throws Exception {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material); // your own key material, generated and kept outside Keyport

        // README:begin
        Keyport keyport = Keyport.builder().clock(Clock.systemUTC()).build(); // in memory
        Caller caller = Caller.embedded(KeyScope.of("my-tenant", "ap-guangzhou"), "request-1");

        // an EXTERNAL key starts in PendingImport; fetch a wrapping key and an import token for it
        KeyView key = keyport.createKey(new CreateKeyCommand(caller, Alias.of("my-byok-key"), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL));
        ImportParameters parameters = keyport.getParametersForImport(new GetParametersForImportCommand(caller,
                key.id(), WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));

        // wrap the material under the issued public key, as a vendor's client does, and import it: Enabled
        PublicKey wrappingKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(parameters.publicKeyDer()));
        byte[] wrapped = WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(wrappingKey, material);
        keyport.importKeyMaterial(new ImportKeyMaterialCommand(caller, key.id(), parameters.token(), wrapped,
                Optional.empty()));
        byte[] ciphertext = keyport.encrypt(new EncryptCommand(caller, key.id(), "hello".getBytes(UTF_8)))
                .ciphertext();

        // DeleteImportedKeyMaterial: the material goes, the key stays, in PendingImport
        keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(caller, key.id()));
        KeyState state = keyport.describeKey(new DescribeKeyCommand(caller, key.id())).state(); // PENDING_IMPORT

        // only the same material imports again, and then the old ciphertext decrypts
        ImportParameters again = keyport.getParametersForImport(new GetParametersForImportCommand(caller,
                key.id(), WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
        keyport.importKeyMaterial(new ImportKeyMaterialCommand(caller, key.id(), again.token(),
                WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(again.publicKeyDer())), material),
                Optional.empty()));
        byte[] plaintext = keyport.decrypt(new DecryptCommand(caller, ciphertext)).plaintext(); // "hello"
        // README:end

        assertThat(state).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(new String(plaintext, UTF_8)).isEqualTo("hello");
        assertThat(keyport.describeKey(new DescribeKeyCommand(caller, key.id())).state()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void theReadmeShowsExactlyTheCodeThatRuns() throws IOException {
        List<String> readme = Files.readAllLines(README, UTF_8);
        int marker = readme.indexOf("<!-- embedding-example: application/src/test/java/dev/keyport/application/"
                + "EmbeddingExampleTest.java -->");
        assertThat(marker).as("README marks its embedding example").isNotNegative();
        int open = marker + 1;
        assertThat(readme.get(open)).isEqualTo("```java");
        int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
        List<String> shown = trimmed(readme.subList(open + 1, close));

        List<String> source = Files.readAllLines(THIS_FILE, UTF_8);
        int begin = indexOfTrimmed(source, "// README:begin");
        int end = indexOfTrimmed(source, "// README:end");
        assertThat(shown).isEqualTo(trimmed(source.subList(begin + 1, end)));
    }

    private static int indexOfTrimmed(List<String> lines, String wanted) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(wanted)) {
                return i;
            }
        }
        throw new AssertionError(wanted + " not found");
    }

    private static List<String> trimmed(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
