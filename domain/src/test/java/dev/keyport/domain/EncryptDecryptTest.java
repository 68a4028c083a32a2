package dev.keyport.domain;

import static dev.keyport.domain.testing.TestKeys.RANDOM;
import static dev.keyport.domain.testing.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.domain.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncryptDecryptTest {

    private static final byte[] CONTEXT = "{\"purpose\":\"test\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aCiphertextNamesItsKeyAndDecryptsWithTheSameContext() {
        Cmk key = TestKeys.generated();
        byte[] ciphertext = key.encrypt("plain".getBytes(), CONTEXT, T0, RANDOM);
        assertThat(Ciphertext.keyIdOf(ciphertext)).isEqualTo(key.id());
        assertThat(key.decrypt(ciphertext, CONTEXT, T0)).isEqualTo("plain".getBytes());
        assertThat(key.encrypt("plain".getBytes(), CONTEXT, T0, RANDOM)).as("a fresh IV each time")
                .isNotEqualTo(ciphertext);
    }

    @Test
    void anotherContextOrAnAlteredCiphertextFailsToDecrypt() {
        Cmk key = TestKeys.externalWith(TestKeys.randomMaterial(32));
        byte[] ciphertext = key.encrypt("plain".getBytes(), CONTEXT, T0, RANDOM);
        assertThatThrownBy(() -> key.decrypt(ciphertext, "{}".getBytes(), T0))
                .isInstanceOfSatisfying(CiphertextRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.DECRYPTION_FAILED));
        assertThatThrownBy(() -> key.decrypt(ciphertext, null, T0))
                .isInstanceOfSatisfying(CiphertextRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.DECRYPTION_FAILED));
        for (int i : new int[] {40, ciphertext.length - 1}) {
            byte[] altered = ciphertext.clone();
            altered[i] ^= 1;
            assertThatThrownBy(() -> key.decrypt(altered, CONTEXT, T0))
                    .isInstanceOfSatisfying(CiphertextRejectedException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.DECRYPTION_FAILED));
        }
    }

    @Test
    void somethingThatIsNotAKeyportCiphertextIsInvalid() {
        Cmk key = TestKeys.generated();
        for (byte[] garbage : new byte[][] {new byte[0], new byte[10], "x".repeat(100).getBytes()}) {
            assertThatThrownBy(() -> Ciphertext.keyIdOf(garbage))
                    .isInstanceOfSatisfying(CiphertextRejectedException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_CIPHERTEXT));
            assertThatThrownBy(() -> key.decrypt(garbage, CONTEXT, T0))
                    .isInstanceOfSatisfying(CiphertextRejectedException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_CIPHERTEXT));
        }
    }

    @Test
    void plaintextIsOneTo4096Bytes() {
        Cmk key = TestKeys.generated();
        assertThat(key.decrypt(key.encrypt(new byte[4096], CONTEXT, T0, RANDOM), CONTEXT, T0)).hasSize(4096);
        for (byte[] bad : new byte[][] {new byte[0], new byte[4097]}) {
            assertThatThrownBy(() -> key.encrypt(bad, CONTEXT, T0, RANDOM))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_PLAINTEXT));
        }
    }

    @Test
    void aDisabledKeyNeitherEncryptsNorDecryptsAndDoesAgainOnceEnabled() {
        Cmk key = TestKeys.generated();
        byte[] ciphertext = key.encrypt("p".getBytes(), CONTEXT, T0, RANDOM);
        key.disable(T0);
        assertThatThrownBy(() -> key.decrypt(ciphertext, CONTEXT, T0))
                .isInstanceOfSatisfying(KeyStateException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_DISABLED));
        key.enable(T0);
        assertThat(key.decrypt(ciphertext, CONTEXT, T0)).isEqualTo("p".getBytes());
    }
}
