package dev.keyport.domain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

/**
 * An RSA key pair issued with an import token. The public key goes to the caller as DER SubjectPublicKeyInfo; the
 * private key never leaves Keyport and never appears in {@link #toString()}.
 */
public record WrappingKeyPair(WrappingKeySpec spec, PublicKey publicKey, PrivateKey privateKey) {

    public WrappingKeyPair {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(publicKey, "public key");
        Objects.requireNonNull(privateKey, "private key");
        if (!"RSA".equals(publicKey.getAlgorithm()) || !"RSA".equals(privateKey.getAlgorithm())
                || ((RSAKey) publicKey).getModulus().bitLength() != spec.bits()
                || !((RSAKey) publicKey).getModulus().equals(((RSAKey) privateKey).getModulus())) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "wrapping key pair",
                    "must be a matching " + spec + " key pair");
        }
    }

    /** Rebuilds a stored pair from its X.509 and PKCS#8 encodings. */
    public static WrappingKeyPair fromEncoded(WrappingKeySpec spec, byte[] publicKeyDer, byte[] privateKeyPkcs8) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new WrappingKeyPair(spec, rsa.generatePublic(new X509EncodedKeySpec(publicKeyDer)),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKeyPkcs8)));
        } catch (GeneralSecurityException e) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "wrapping key pair", "is not valid RSA");
        }
    }

    /** DER SubjectPublicKeyInfo, the form both vendors hand out (base64 on the wire). */
    public byte[] publicKeyDer() {
        return publicKey.getEncoded();
    }

    /** PKCS#8, for the persistence adapter to encrypt at rest. */
    public byte[] privateKeyPkcs8() {
        return privateKey.getEncoded();
    }

    @Override
    public String toString() {
        return "WrappingKeyPair[" + spec + ", private key redacted]";
    }
}
