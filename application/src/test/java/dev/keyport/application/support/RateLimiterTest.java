package dev.keyport.application.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void aBurstUpToTheLimitThenTheLimitsRate() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("t/a", 3)).isTrue();
        }
        assertThat(limiter.tryAcquire("t/a", 3)).isFalse();
        now.addAndGet(333_333_334L); // a third of a second: one more
        assertThat(limiter.tryAcquire("t/a", 3)).isTrue();
        assertThat(limiter.tryAcquire("t/a", 3)).isFalse();
        now.addAndGet(10_000_000_000L); // long idle: never more than one second's worth
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("t/a", 3)).isTrue();
        }
        assertThat(limiter.tryAcquire("t/a", 3)).isFalse();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        assertThat(limiter.tryAcquire("t/a", 1)).isTrue();
        assertThat(limiter.tryAcquire("t/a", 1)).isFalse();
        assertThat(limiter.tryAcquire("t/b", 1)).isTrue();
        assertThat(limiter.tryAcquire("u/a", 1)).isTrue();
    }
}
