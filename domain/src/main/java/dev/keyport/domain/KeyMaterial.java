package dev.keyport.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Symmetric key material: 16 or 32 bytes. Never printed, compared in constant time, and erasable: {@link #erase()}
 * overwrites the bytes so that a deleted key keeps no copy of them.
 *
 * <p>Material a store keeps sealed is handed over {@link #sealed still sealed} and opened the first time it is used,
 * so that a use that needs no material (describe, disable, list) never has it in clear. Its bytes leave the domain
 * only through {@link #copyBytes(SecretAccess)}.
 */
public final class KeyMaterial {

    public static final int AES_128_BYTES = 16;
    public static final int AES_256_BYTES = 32;
    /** The length of {@link #tag()}. */
    static final int TAG_BYTES = 8;
    private static final byte[] TAG_LABEL = "keyport ciphertext material tag".getBytes(StandardCharsets.US_ASCII);

    /** The material in clear; null while it is still sealed (erasing sealed material leaves it empty). */
    private byte[] bytes;
    /** How to open it; null once it is open or erased. */
    private SecretOpener sealed;
    /** {@link #tag()}, once computed. */
    private byte[] tag;

    private KeyMaterial(byte[] bytes, SecretOpener sealed) {
        this.bytes = bytes;
        this.sealed = sealed;
    }

    /** Copies {@code bytes}; the caller keeps (and should erase) its own array. */
    public static KeyMaterial of(byte[] bytes) {
        return new KeyMaterial(checked(bytes).clone(), null);
    }

    /**
     * Material a store keeps sealed, opened through {@code opener} when it is first used (and checked to be 16 or 32
     * bytes then). Until then, this object holds nothing secret.
     */
    public static KeyMaterial sealed(SecretOpener opener) {
        return new KeyMaterial(null, Objects.requireNonNull(opener, "opener"));
    }

    /** Fresh 256-bit material, for keys whose material Keyport generates. */
    public static KeyMaterial generate(SecureRandom random) {
        byte[] fresh = new byte[AES_256_BYTES];
        random.nextBytes(fresh);
        KeyMaterial material = new KeyMaterial(fresh.clone(), null);
        Arrays.fill(fresh, (byte) 0);
        return material;
    }

    private static byte[] checked(byte[] bytes) {
        Objects.requireNonNull(bytes, "material");
        if (bytes.length != AES_128_BYTES && bytes.length != AES_256_BYTES) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "key material",
                    "must be " + AES_128_BYTES + " or " + AES_256_BYTES + " bytes");
        }
        return bytes;
    }

    /** An independent copy, erasable on its own; a copy of sealed material is still sealed. */
    public KeyMaterial copy() {
        byte[] open = bytes;
        return open != null ? new KeyMaterial(open.clone(), null) : new KeyMaterial(null, sealed);
    }

    public int length() {
        return bytes().length;
    }

    /**
     * A copy of the bytes, for the persistence adapter to seal at rest: opens sealed material. The caller erases it
     * after use.
     */
    public byte[] copyBytes(SecretAccess access) {
        Objects.requireNonNull(access, "secret access");
        return bytes().clone();
    }

    /** Opens sealed material now, if it is still sealed. */
    void open() {
        bytes();
    }

    /**
     * The name a ciphertext gives the material it was made under: the first {@value #TAG_BYTES} bytes of
     * HMAC-SHA256 keyed with the material over a fixed label. It tells materials apart and reveals nothing of them.
     */
    byte[] tag() {
        byte[] known = tag;
        if (known == null) {
            known = java.util.Arrays.copyOf(Crypto.hmacSha256(bytes(), TAG_LABEL), TAG_BYTES);
            tag = known;
        }
        return known;
    }

    SecretKey secretKey() {
        return new SecretKeySpec(bytes(), "AES");
    }

    byte[] unsafeBytes() {
        return bytes();
    }

    private byte[] bytes() {
        byte[] open = bytes;
        if (open != null) {
            return open;
        }
        byte[] opened = sealed.open();
        try {
            bytes = checked(opened).clone();
        } finally {
            Arrays.fill(opened, (byte) 0);
        }
        sealed = null;
        return bytes;
    }

    /** Overwrites the material with zeros; sealed material is dropped unopened. */
    public void erase() {
        byte[] open = bytes;
        if (open != null) {
            Arrays.fill(open, (byte) 0);
        } else {
            bytes = new byte[0];
        }
        sealed = null;
        tag = null;
    }

    public boolean sameAs(KeyMaterial other) {
        return other != null && MessageDigest.isEqual(bytes(), other.bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyMaterial other && sameAs(other);
    }

    /** Not derived from the material, and never opens sealed material. */
    @Override
    public int hashCode() {
        return KeyMaterial.class.getSimpleName().hashCode();
    }

    @Override
    public String toString() {
        return bytes == null ? "KeyMaterial[redacted, sealed]" : "KeyMaterial[redacted, " + bytes.length + " bytes]";
    }
}
