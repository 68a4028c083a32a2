package dev.keyport.application.support;

import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.application.port.out.WrappingKeyUse;
import dev.keyport.domain.WrappingKeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;

/** Generates a new wrapping key pair for every token when it is asked for: simple, and slow on the request path. */
public final class OnDemandWrappingKeySource implements WrappingKeySource {

    private final SecureRandom random;

    public OnDemandWrappingKeySource(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public WrappingKeyPair take(WrappingKeyUse use, Instant now) {
        return use.spec().generate(random);
    }
}
