package dev.keyport.domain;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * What Keyport keeps of one GetParametersForImport: the wrapping key pair and algorithm, the validity, and the
 * SHA-256 of the token handed out. A grant belongs to one key and lives inside its aggregate.
 */
public record ImportGrant(String grantId, WrappingKeyPair wrappingKey, WrappingAlgorithm algorithm,
                          Instant issuedAt, Instant expiresAt, byte[] tokenDigest) {

    public ImportGrant {
        Objects.requireNonNull(grantId, "grant id");
        Objects.requireNonNull(wrappingKey, "wrapping key");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(issuedAt, "issued at");
        Objects.requireNonNull(expiresAt, "expires at");
        Objects.requireNonNull(tokenDigest, "token digest");
        if (!grantId.matches("^[0-9a-f]{" + ImportToken.GRANT_ID_BYTES * 2 + "}$") || tokenDigest.length != 32) {
            throw new InvalidValueException(DomainErrorCode.INVALID_VALUE, "import grant", "is malformed");
        }
        tokenDigest = tokenDigest.clone();
    }

    @Override
    public byte[] tokenDigest() {
        return tokenDigest.clone();
    }

    boolean issued(ImportToken.Claims claims) {
        return grantId.equals(claims.grantId()) && MessageDigest.isEqual(tokenDigest, claims.digest());
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportGrant other && grantId.equals(other.grantId)
                && wrappingKey.equals(other.wrappingKey) // never opens a sealed private key
                && algorithm == other.algorithm && issuedAt.equals(other.issuedAt)
                && expiresAt.equals(other.expiresAt) && MessageDigest.isEqual(tokenDigest, other.tokenDigest);
    }

    @Override
    public int hashCode() {
        return grantId.hashCode();
    }

    @Override
    public String toString() {
        return "ImportGrant[" + grantId + ", " + wrappingKey.spec() + ", " + algorithm + ", expires " + expiresAt + "]";
    }
}
