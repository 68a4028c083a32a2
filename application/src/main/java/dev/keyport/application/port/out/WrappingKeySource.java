package dev.keyport.application.port.out;

import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;

/**
 * Where RSA wrapping key pairs come from. Generating one takes tens to hundreds of milliseconds, so an implementation
 * may generate them ahead of time, off the request path. Each pair is handed out once.
 */
public interface WrappingKeySource {

    WrappingKeyPair take(WrappingKeySpec spec);
}
