package dev.keyport.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * What Keyport keeps of imported material once the material itself is gone: a keyed HMAC-SHA256 over the key id and
 * the material, under a random salt of this key. It proves "same material" on a later import without keeping the
 * material, and two keys that hold the same material have unrelated fingerprints.
 */
public final class MaterialFingerprint {

    private static final byte[] DOMAIN_SEPARATOR = "keyport/material-fingerprint/v1".getBytes(StandardCharsets.US_ASCII);
    public static final int SALT_BYTES = 32;
    public static final int MAC_BYTES = 32;

    private final byte[] salt;
    private final byte[] mac;

    private MaterialFingerprint(byte[] salt, byte[] mac) {
        this.salt = salt;
        this.mac = mac;
    }

    static MaterialFingerprint compute(KeyId keyId, KeyMaterial material, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new MaterialFingerprint(salt, mac(salt, keyId, material));
    }

    /** Rebuilds a stored fingerprint. */
    public static MaterialFingerprint restore(byte[] salt, byte[] mac) {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(mac, "mac");
        if (salt.length != SALT_BYTES || mac.length != MAC_BYTES) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "material fingerprint",
                    "must be a " + SALT_BYTES + "-byte salt and a " + MAC_BYTES + "-byte MAC");
        }
        return new MaterialFingerprint(salt.clone(), mac.clone());
    }

    boolean matches(KeyId keyId, KeyMaterial material) {
        return MessageDigest.isEqual(mac, mac(salt, keyId, material));
    }

    private static byte[] mac(byte[] salt, KeyId keyId, KeyMaterial material) {
        return Crypto.hmacSha256(salt, DOMAIN_SEPARATOR, keyId.value().getBytes(StandardCharsets.US_ASCII),
                material.unsafeBytes());
    }

    public byte[] salt() {
        return salt.clone();
    }

    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaterialFingerprint other
                && MessageDigest.isEqual(salt, other.salt) && MessageDigest.isEqual(mac, other.mac);
    }

    @Override
    public int hashCode() {
        return mac[0] << 24 | (mac[1] & 0xff) << 16 | (mac[2] & 0xff) << 8 | (mac[3] & 0xff);
    }

    @Override
    public String toString() {
        return "MaterialFingerprint[redacted]";
    }
}
