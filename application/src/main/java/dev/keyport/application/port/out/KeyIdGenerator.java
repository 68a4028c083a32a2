package dev.keyport.application.port.out;

import dev.keyport.domain.KeyId;

/** Where new key ids come from. */
public interface KeyIdGenerator {

    KeyId next();
}
