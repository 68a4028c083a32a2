package dev.keyport.application.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per second per key (a tenant and an action, say), as a token bucket that holds one second's worth: a burst
 * up to the limit, then the limit's rate. The time source is given, so the core reads no clock of its own.
 */
public final class RateLimiter {

    private static final long SECOND = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param nanoTime a monotonic time in nanoseconds, such as {@code System::nanoTime} */
    public RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the bucket of {@code key}; false when the limit is reached. */
    public boolean tryAcquire(String key, int perSecond) {
        return buckets.computeIfAbsent(key, k -> new Bucket(perSecond, nanoTime.getAsLong()))
                .tryAcquire(perSecond, nanoTime.getAsLong());
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized boolean tryAcquire(int perSecond, long now) {
            tokens = Math.min(perSecond, tokens + (double) (now - refilledAt) * perSecond / SECOND);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
