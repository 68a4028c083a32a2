package dev.keyport.application.port.out;

import dev.keyport.domain.KeyScope;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.util.Objects;

/**
 * What a wrapping key pair is taken for: one import token of a key in {@code scope}, wrapping with {@code algorithm}
 * under a {@code spec} key. A source that hands one pair to several tokens hands it only to tokens of an equal use.
 */
public record WrappingKeyUse(KeyScope scope, WrappingKeySpec spec, WrappingAlgorithm algorithm) {

    public WrappingKeyUse {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
