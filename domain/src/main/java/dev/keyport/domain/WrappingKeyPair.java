package dev.keyport.domain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An RSA key pair issued with an import token. The public key goes to the caller as DER SubjectPublicKeyInfo; the
 * private key never leaves Keyport and never appears in {@link #toString()}.
 *
 * <p>A pair a store keeps sealed is handed over {@link #sealed still sealed}: its private key is opened and decoded
 * only when an import unwraps with it, so loading a key with outstanding grants opens none of them. The private key
 * leaves the domain only through {@link #privateKeyPkcs8(SecretAccess)}.
 */
public final class WrappingKeyPair {

    private final WrappingKeySpec spec;
    private final PublicKey publicKey;
    /** Null while the private key is still sealed. */
    private PrivateKey privateKey;
    /** How to open the private key (PKCS#8); null once it is open. */
    private SecretOpener sealedPrivateKey;

    private WrappingKeyPair(WrappingKeySpec spec, PublicKey publicKey, PrivateKey privateKey,
                            SecretOpener sealedPrivateKey) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.publicKey = Objects.requireNonNull(publicKey, "public key");
        if (!"RSA".equals(publicKey.getAlgorithm()) || ((RSAKey) publicKey).getModulus().bitLength() != spec.bits()) {
            throw invalid(spec);
        }
        this.privateKey = privateKey == null ? null : matching(spec, publicKey, privateKey);
        this.sealedPrivateKey = sealedPrivateKey;
    }

    /** A pair in clear, as generated. */
    public static WrappingKeyPair of(WrappingKeySpec spec, PublicKey publicKey, PrivateKey privateKey) {
        return new WrappingKeyPair(spec, publicKey, Objects.requireNonNull(privateKey, "private key"), null);
    }

    /**
     * A stored pair whose private key stays sealed until an import needs it: {@code privateKeyPkcs8} is then called
     * once, and the key it returns must match the public key.
     */
    public static WrappingKeyPair sealed(WrappingKeySpec spec, byte[] publicKeyDer, SecretOpener privateKeyPkcs8) {
        return new WrappingKeyPair(spec, decodePublic(publicKeyDer), null,
                Objects.requireNonNull(privateKeyPkcs8, "private key opener"));
    }

    public WrappingKeySpec spec() {
        return spec;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** DER SubjectPublicKeyInfo, the form both vendors hand out (base64 on the wire). */
    public byte[] publicKeyDer() {
        return publicKey.getEncoded();
    }

    /**
     * The first 16 hex digits of the SHA-256 of {@link #publicKeyDer()}: not a secret, and the same for every grant
     * the pair backs, so that the audit trail shows which tokens shared a wrapping key.
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(Crypto.sha256(publicKeyDer()), 0, 8);
    }

    /** PKCS#8, for the persistence adapter to seal at rest: opens a sealed key. The caller erases it after use. */
    public byte[] privateKeyPkcs8(SecretAccess access) {
        Objects.requireNonNull(access, "secret access");
        return privateKey().getEncoded();
    }

    /** The private key, opened and decoded now if it is still sealed. */
    PrivateKey privateKey() {
        PrivateKey open = privateKey;
        if (open != null) {
            return open;
        }
        byte[] pkcs8 = sealedPrivateKey.open();
        try {
            open = matching(spec, publicKey, decodePrivate(pkcs8));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        privateKey = open;
        sealedPrivateKey = null;
        return open;
    }

    private static PublicKey decodePublic(byte[] der) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "wrapping key pair", "is not valid RSA");
        }
    }

    private static PrivateKey decodePrivate(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "wrapping key pair", "is not valid RSA");
        }
    }

    private static PrivateKey matching(WrappingKeySpec spec, PublicKey publicKey, PrivateKey privateKey) {
        if (!"RSA".equals(privateKey.getAlgorithm())
                || !((RSAKey) publicKey).getModulus().equals(((RSAKey) privateKey).getModulus())) {
            throw invalid(spec);
        }
        return privateKey;
    }

    private static InvalidValueException invalid(WrappingKeySpec spec) {
        return new InvalidValueException(DomainErrorCode.INVALID_VALUE, "wrapping key pair",
                "must be a matching " + spec + " key pair");
    }

    /** By spec and public key, which a valid pair's private key matches: comparing never opens a sealed key. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WrappingKeyPair other && spec == other.spec && publicKey.equals(other.publicKey);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "WrappingKeyPair[" + spec + ", private key redacted]";
    }
}
