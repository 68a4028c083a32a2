package dev.keyport.adapter.jdbc;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The 256-bit key that seals every secret the store keeps. It comes from configuration and is never stored here. */
public final class MasterKey {

    public static final int BYTES = 32;

    private final byte[] key;

    private MasterKey(byte[] key) {
        this.key = key;
    }

    public static MasterKey of(byte[] key) {
        Objects.requireNonNull(key, "master key");
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a master key is " + BYTES + " bytes");
        }
        return new MasterKey(key.clone());
    }

    /** @throws IllegalArgumentException when {@code base64} is not the base64 of 32 bytes */
    public static MasterKey fromBase64(String base64) {
        Objects.requireNonNull(base64, "master key");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a master key is base64");
        }
        try {
            return of(decoded);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    public static MasterKey generate(SecureRandom random) {
        byte[] key = new byte[BYTES];
        random.nextBytes(key);
        return new MasterKey(key);
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
