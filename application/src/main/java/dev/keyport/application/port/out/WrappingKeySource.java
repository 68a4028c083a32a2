package dev.keyport.application.port.out;

import dev.keyport.domain.WrappingKeyPair;
import java.time.Instant;

/**
 * Where RSA wrapping key pairs come from. Generating one takes tens to hundreds of milliseconds, so an implementation
 * may generate them ahead of time, off the request path, and may hand one pair to several import tokens — but only
 * to tokens of an equal {@link WrappingKeyUse} (never to another tenant, region, spec or algorithm), and only for a
 * bounded number of tokens within a bounded time after the first, so that every copy of its private key is gone
 * once the last of those tokens expires.
 */
public interface WrappingKeySource {

    /**
     * A pair for one import token of {@code use}, issued at {@code now} (the use case's time, which the token's
     * validity starts from). Every call counts as one token, also when the caller's transaction then rolls back.
     */
    WrappingKeyPair take(WrappingKeyUse use, Instant now);
}
