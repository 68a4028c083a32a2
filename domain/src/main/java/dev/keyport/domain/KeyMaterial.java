package dev.keyport.domain;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Symmetric key material: 16 or 32 bytes. Never printed, compared in constant time, and erasable: {@link #erase()}
 * overwrites the bytes so that a deleted key keeps no copy of them.
 */
public final class KeyMaterial {

    public static final int AES_128_BYTES = 16;
    public static final int AES_256_BYTES = 32;

    private final byte[] bytes;

    private KeyMaterial(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}; the caller keeps (and should erase) its own array. */
    public static KeyMaterial of(byte[] bytes) {
        Objects.requireNonNull(bytes, "material");
        if (bytes.length != AES_128_BYTES && bytes.length != AES_256_BYTES) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "key material",
                    "must be " + AES_128_BYTES + " or " + AES_256_BYTES + " bytes");
        }
        return new KeyMaterial(bytes.clone());
    }

    /** Fresh 256-bit material, for keys whose material Keyport generates. */
    public static KeyMaterial generate(SecureRandom random) {
        byte[] fresh = new byte[AES_256_BYTES];
        random.nextBytes(fresh);
        KeyMaterial material = new KeyMaterial(fresh.clone());
        Arrays.fill(fresh, (byte) 0);
        return material;
    }

    /** An independent copy, erasable on its own. */
    public KeyMaterial copy() {
        return new KeyMaterial(bytes.clone());
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the bytes, for the persistence adapter to encrypt at rest. The caller erases it after use. */
    public byte[] copyBytes() {
        return bytes.clone();
    }

    SecretKey secretKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    /** Overwrites the material with zeros. */
    public void erase() {
        Arrays.fill(bytes, (byte) 0);
    }

    public boolean sameAs(KeyMaterial other) {
        return other != null && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyMaterial other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "KeyMaterial[redacted, " + bytes.length + " bytes]";
    }
}
