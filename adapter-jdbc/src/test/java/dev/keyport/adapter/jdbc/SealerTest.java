package dev.keyport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SealerTest {

    private final SecureRandom random = new SecureRandom();
    private final Sealer sealer = new Sealer(MasterKey.generate(random), random);
    private final byte[] secret = "thirty-two bytes of key material".getBytes();

    @Test
    void sealsWithAVersionByteAndOpensWhatItSealed() {
        byte[] sealed = sealer.seal(secret, "cmk_material.sealed", "key-1");
        assertThat(sealed[0]).isEqualTo(Sealer.VERSION);
        assertThat(sealed).hasSize(1 + 12 + secret.length + 16);
        assertThat(JdbcStoreContract.indexOf(sealed, secret)).isNegative();
        assertThat(sealer.open(sealed, "cmk_material.sealed", "key-1")).isEqualTo(secret);
        assertThat(sealer.seal(secret, "cmk_material.sealed", "key-1")).as("a fresh IV each time")
                .isNotEqualTo(sealed);
    }

    @Test
    void aValueMovedToAnotherKeyOrColumnDoesNotOpen() {
        byte[] sealed = sealer.seal(secret, "cmk_material.sealed", "key-1");
        assertThatThrownBy(() -> sealer.open(sealed, "cmk_material.sealed", "key-2"))
                .isInstanceOf(Sealer.SealedValueException.class);
        assertThatThrownBy(() -> sealer.open(sealed, "import_grant.sealed_private_key", "key-1"))
                .isInstanceOf(Sealer.SealedValueException.class);
    }

    @Test
    void anAlteredValueOrAnotherMasterKeyDoesNotOpen() {
        byte[] sealed = sealer.seal(secret, "c", "k");
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> sealer.open(altered, "c", "k")).isInstanceOf(Sealer.SealedValueException.class);
        Sealer other = new Sealer(MasterKey.generate(random), random);
        assertThatThrownBy(() -> other.open(sealed, "c", "k")).isInstanceOf(Sealer.SealedValueException.class);
        byte[] future = sealed.clone();
        future[0] = 2;
        assertThatThrownBy(() -> sealer.open(future, "c", "k"))
                .isInstanceOf(Sealer.SealedValueException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> sealer.open(new byte[5], "c", "k")).isInstanceOf(Sealer.SealedValueException.class);
    }

    @Test
    void theMasterKeyIsBase64Of32BytesAndNeverPrinted() {
        MasterKey key = MasterKey.generate(random);
        assertThat(MasterKey.fromBase64(key.toBase64()).toBase64()).isEqualTo(key.toBase64());
        assertThat(key.toString()).doesNotContain(key.toBase64());
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new JdbcStoreConfig("jdbc:h2:mem:x", "u", "hunter2", key, 1).toString())
                .doesNotContain("hunter2").doesNotContain(key.toBase64());
    }
}
