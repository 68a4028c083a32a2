package dev.keyport.application.support;

import dev.keyport.application.port.out.KeyIdGenerator;
import dev.keyport.domain.KeyId;
import java.util.UUID;

/** Random (version 4) UUIDs, lowercase: the form of a key id both vendors accept. */
public final class RandomKeyIdGenerator implements KeyIdGenerator {

    @Override
    public KeyId next() {
        return KeyId.from(UUID.randomUUID());
    }
}
