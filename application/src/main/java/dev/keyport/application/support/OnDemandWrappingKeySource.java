package dev.keyport.application.support;

import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.security.SecureRandom;
import java.util.Objects;

/** Generates each wrapping key pair when it is asked for: simple, and slow on the request path. */
public final class OnDemandWrappingKeySource implements WrappingKeySource {

    private final SecureRandom random;

    public OnDemandWrappingKeySource(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public WrappingKeyPair take(WrappingKeySpec spec) {
        return spec.generate(random);
    }
}
