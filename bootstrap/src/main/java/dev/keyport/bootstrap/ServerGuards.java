package dev.keyport.bootstrap;

import dev.keyport.adapter.huawei.HuaweiApiConfig;
import dev.keyport.adapter.huawei.HuaweiGuards;
import dev.keyport.adapter.tencent.TencentApiConfig;
import dev.keyport.adapter.tencent.TencentGuards;
import dev.keyport.application.support.FailedAuthenticationThrottle;
import dev.keyport.application.support.RateLimiter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Both adapters' guards — per-key rate limits and failed-authentication lockouts, the ports each adapter declares —
 * backed by the application's {@link RateLimiter} and {@link FailedAuthenticationThrottle}. One instance per API.
 */
final class ServerGuards implements TencentGuards, HuaweiGuards {

    private final LongSupplier nanoTime;
    private final RateLimiter rateLimiter;

    ServerGuards(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.rateLimiter = new RateLimiter(nanoTime);
    }

    /** The Tencent adapter's lockout setting for one of the server's throttle policies. */
    static TencentApiConfig.Lockout tencentLockout(FailedAuthenticationThrottle.Policy policy) {
        return new TencentApiConfig.Lockout(policy.maxFailures(), policy.lockout(), policy.maxSubjects());
    }

    /** The Huawei adapter's lockout setting for one of the server's throttle policies. */
    static HuaweiApiConfig.Lockout huaweiLockout(FailedAuthenticationThrottle.Policy policy) {
        return new HuaweiApiConfig.Lockout(policy.maxFailures(), policy.lockout(), policy.maxSubjects());
    }

    @Override
    public boolean tryAcquire(String key, int perSecond) {
        return rateLimiter.tryAcquire(key, perSecond);
    }

    @Override
    public TencentGuards.Throttle throttle(TencentApiConfig.Lockout lockout) {
        return throttle(lockout.maxFailures(), lockout.lockout(), lockout.maxSubjects());
    }

    @Override
    public HuaweiGuards.Throttle throttle(HuaweiApiConfig.Lockout lockout) {
        return throttle(lockout.maxFailures(), lockout.lockout(), lockout.maxSubjects());
    }

    private Lockouts throttle(int maxFailures, Duration lockout, int maxSubjects) {
        return new Lockouts(new FailedAuthenticationThrottle(new FailedAuthenticationThrottle.Policy(maxFailures,
                lockout, maxSubjects), nanoTime));
    }

    /** One throttle, seen through either adapter's port. */
    private record Lockouts(FailedAuthenticationThrottle throttle)
            implements TencentGuards.Throttle, HuaweiGuards.Throttle {

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
    }
}
