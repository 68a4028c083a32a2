package dev.keyport.adapter.tencent;

import dev.keyport.application.support.FailedAuthenticationThrottle;
import dev.keyport.application.support.RateLimiter;
import java.util.function.LongSupplier;

/** The adapter's guards backed by the application's rate limiter and throttle, as the server backs them. */
final class SupportGuards implements TencentGuards {

    private final LongSupplier nanoTime;
    private final RateLimiter rateLimiter;

    /** @param nanoTime the monotonic time of rate limits and lockouts */
    SupportGuards(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.rateLimiter = new RateLimiter(nanoTime);
    }

    @Override
    public boolean tryAcquire(String key, int perSecond) {
        return rateLimiter.tryAcquire(key, perSecond);
    }

    @Override
    public Throttle throttle(TencentApiConfig.Lockout lockout) {
        FailedAuthenticationThrottle throttle = new FailedAuthenticationThrottle(new FailedAuthenticationThrottle
                .Policy(lockout.maxFailures(), lockout.lockout(), lockout.maxSubjects()), nanoTime);
        return new Throttle() {
            @Override
            public boolean isLocked(String subject) {
                return throttle.isLocked(subject);
            }

            @Override
            public boolean failed(String subject) {
                return throttle.failed(subject);
            }

            @Override
            public void succeeded(String subject) {
                throttle.succeeded(subject);
            }
        };
    }
}
