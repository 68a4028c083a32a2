package dev.keyport.application.service;

import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.out.KeyIdGenerator;
import dev.keyport.application.port.out.KeyStorage;
import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.application.support.OnDemandWrappingKeySource;
import dev.keyport.application.support.RandomKeyIdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/** The {@link Keyport.Builder} this module registers as a service: {@code Keyport.builder()} returns a new one. */
public final class KeyportBuilder implements Keyport.Builder {

    Clock clock;
    SecureRandom random = new SecureRandom();
    KeyStorage storage;
    KeyIdGenerator ids;
    WrappingKeySource wrappingKeys;

    /** For {@link java.util.ServiceLoader}; call {@code Keyport.builder()}. */
    public KeyportBuilder() {
    }

    @Override
    public KeyportBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    @Override
    public KeyportBuilder random(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    @Override
    public KeyportBuilder storage(KeyStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
        return this;
    }

    @Override
    public KeyportBuilder ids(KeyIdGenerator ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
        return this;
    }

    @Override
    public KeyportBuilder wrappingKeys(WrappingKeySource wrappingKeys) {
        this.wrappingKeys = Objects.requireNonNull(wrappingKeys, "wrapping keys");
        return this;
    }

    @Override
    public Keyport build() {
        if (clock == null) {
            throw new IllegalStateException("Keyport needs a clock, e.g. Clock.systemUTC()");
        }
        if (storage == null) {
            storage = new InMemoryKeyStorage();
        }
        if (ids == null) {
            ids = new RandomKeyIdGenerator();
        }
        if (wrappingKeys == null) {
            wrappingKeys = new OnDemandWrappingKeySource(random);
        }
        return new KeyportService(this);
    }
}
