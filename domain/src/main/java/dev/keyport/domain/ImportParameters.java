package dev.keyport.domain;

import java.time.Instant;
import java.util.Objects;

/** What a caller receives to import material: the public key to wrap under, the token, and when both expire. */
public record ImportParameters(KeyId keyId, ImportToken token, WrappingKeySpec spec, WrappingAlgorithm algorithm,
                               byte[] publicKeyDer, Instant expiresAt) {

    public ImportParameters {
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(expiresAt, "expires at");
        publicKeyDer = publicKeyDer.clone();
    }

    @Override
    public byte[] publicKeyDer() {
        return publicKeyDer.clone();
    }
}
