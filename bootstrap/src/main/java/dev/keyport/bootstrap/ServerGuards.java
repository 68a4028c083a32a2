package dev.keyport.bootstrap;

import dev.keyport.adapter.huawei.HuaweiApiConfig;
import dev.keyport.adapter.huawei.HuaweiGuards;
import dev.keyport.application.support.FailedAuthenticationThrottle;
import dev.keyport.application.support.RateLimiter;
import java.util.function.LongSupplier;

/** The Huawei adapter's guards, backed by the application's rate limiter and failed-authentication throttle. */
final class ServerGuards implements HuaweiGuards {

    private final LongSupplier nanoTime;
    private final RateLimiter rateLimiter;

    ServerGuards(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.rateLimiter = new RateLimiter(nanoTime);
    }

    /** The adapter's lockout setting for one of the server's throttle policies. */
    static HuaweiApiConfig.Lockout lockout(FailedAuthenticationThrottle.Policy policy) {
        return new HuaweiApiConfig.Lockout(policy.maxFailures(), policy.lockout(), policy.maxSubjects());
    }

    @Override
    public boolean tryAcquire(String key, int perSecond) {
        return rateLimiter.tryAcquire(key, perSecond);
    }

    @Override
    public Throttle throttle(HuaweiApiConfig.Lockout lockout) {
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
