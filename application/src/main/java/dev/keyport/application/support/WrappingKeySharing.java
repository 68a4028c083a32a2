package dev.keyport.application.support;

import dev.keyport.domain.WrappingAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far {@link SharedWrappingKeySource} shares one wrapping key pair among the import tokens of one use (tenant,
 * region, spec, algorithm): at most {@code tokensPerPair} tokens, issued before {@code window} has passed since the
 * first. Each token stays valid for 24 hours from its own issue, so the last grant holding the pair's private key
 * expires at most {@code window} + 24 hours after the first token; the window is at most an hour.
 *
 * <p>Tokens that wrap with {@link WrappingAlgorithm#RSAES_PKCS1_V1_5} never share a pair: PKCS#1 v1.5 decryption
 * tells a well-padded block from a badly padded one (Bleichenbacher's oracle), and with a pair of its own such an
 * oracle can only reveal what was wrapped for that one token.
 *
 * @param tokensPerPair how many tokens one pair backs, at least 1 (1: a new pair for every token)
 * @param window        how long after its first token a pair is still handed out, from zero (a new pair for every
 *                      token) to {@link #MAX_WINDOW}
 */
public record WrappingKeySharing(int tokensPerPair, Duration window) {

    /** Tokens per pair, at most. */
    public static final int MAX_TOKENS_PER_PAIR = 10_000;
    /** The longest window: a pair's private key then outlives its first token by at most 25 hours. */
    public static final Duration MAX_WINDOW = Duration.ofHours(1);
    /** A new pair for every token, as without sharing. */
    public static final WrappingKeySharing NONE = new WrappingKeySharing(1, Duration.ZERO);

    public WrappingKeySharing {
        Objects.requireNonNull(window, "window");
        if (tokensPerPair < 1 || tokensPerPair > MAX_TOKENS_PER_PAIR) {
            throw new IllegalArgumentException("tokens per pair must be from 1 to " + MAX_TOKENS_PER_PAIR);
        }
        if (window.isNegative() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("the window must be from 0 to " + MAX_WINDOW);
        }
    }

    /** Whether tokens wrapping with {@code algorithm} share pairs at all under this policy. */
    public boolean shares(WrappingAlgorithm algorithm) {
        return tokensPerPair > 1 && !window.isZero() && algorithm != WrappingAlgorithm.RSAES_PKCS1_V1_5;
    }

    /** Whether a pair that has backed {@code handed} tokens, the first at {@code first}, may back one more at now. */
    boolean admits(int handed, Instant first, Instant now) {
        return handed < tokensPerPair && now.isBefore(first.plus(window));
    }
}
