package dev.keyport.domain;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/** The RSA key pairs Keyport issues for wrapping imported material. */
public enum WrappingKeySpec {
    RSA_2048(2048),
    RSA_3072(3072),
    RSA_4096(4096);

    private final int bits;

    WrappingKeySpec(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    /** Generates a fresh key pair. This takes tens to hundreds of milliseconds: do it ahead of time. */
    public WrappingKeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
            var pair = generator.generateKeyPair();
            return WrappingKeyPair.of(this, pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw Crypto.unavailable("RSA key generation", e);
        }
    }

    public static Optional<WrappingKeySpec> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
