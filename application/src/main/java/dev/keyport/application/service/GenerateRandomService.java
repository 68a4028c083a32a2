package dev.keyport.application.service;

import dev.keyport.application.port.in.GenerateRandomUseCase;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.InvalidValueException;
import java.security.SecureRandom;
import java.util.Objects;

public final class GenerateRandomService implements GenerateRandomUseCase {

    /** At most this many bytes per call (both vendors: Tencent 1,024 bytes, Huawei 8,192 bits). */
    public static final int MAX_BYTES = 1024;

    private final SecureRandom random;

    public GenerateRandomService(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public byte[] generateRandom(int bytes) {
        if (bytes < 1 || bytes > MAX_BYTES) {
            throw new InvalidValueException(DomainErrorCode.INVALID_RANDOM_LENGTH, "random bytes",
                    "must be 1 to " + MAX_BYTES);
        }
        byte[] out = new byte[bytes];
        random.nextBytes(out);
        return out;
    }
}
