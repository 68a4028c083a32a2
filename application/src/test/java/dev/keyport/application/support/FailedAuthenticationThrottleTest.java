package dev.keyport.application.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedAuthenticationThrottleTest {

    private final AtomicLong now = new AtomicLong(42);
    private final FailedAuthenticationThrottle throttle = new FailedAuthenticationThrottle(
            new FailedAuthenticationThrottle.Policy(5, Duration.ofMinutes(5), 3), now::get);

    @Test
    void theFifthConsecutiveFailureLocksTheSubjectForTheLockout() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed("AK1")).isFalse();
            assertThat(throttle.isLocked("AK1")).isFalse();
        }
        assertThat(throttle.failed("AK1")).isTrue();
        assertThat(throttle.isLocked("AK1")).isTrue();
        assertThat(throttle.isLocked("AK2")).isFalse();

        now.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
        assertThat(throttle.isLocked("AK1")).isTrue();
        now.addAndGet(1);
        assertThat(throttle.isLocked("AK1")).isFalse();
        assertThat(throttle.failed("AK1")).as("after the lockout the count starts again").isFalse();
        assertThat(throttle.isLocked("AK1")).isFalse();
    }

    @Test
    void aSuccessClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("AK1");
        }
        throttle.succeeded("AK1");
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("AK1")).isFalse();
        }
        assertThat(throttle.isLocked("AK1")).isFalse();
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLockout() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("AK1");
        }
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(throttle.failed("AK1")).isFalse();
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(throttle.isLocked("AK1")).isFalse();
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlyTouchedSubject() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("locked");
        }
        for (int i = 0; i < 100; i++) {
            throttle.failed("random-" + i);
            throttle.isLocked("locked"); // an active lockout stays in memory while it is being tried
        }
        assertThat(throttle.remembered()).isEqualTo(3);
        assertThat(throttle.isLocked("locked")).isTrue();
    }

    @Test
    void offCountsNothing() {
        FailedAuthenticationThrottle off = new FailedAuthenticationThrottle(FailedAuthenticationThrottle.Policy.off(),
                now::get);
        for (int i = 0; i < 100; i++) {
            assertThat(off.failed("AK1")).isFalse();
        }
        assertThat(off.isLocked("AK1")).isFalse();
        assertThat(off.remembered()).isZero();
    }

    @Test
    void aPolicyRefusesNonsense() {
        assertThatThrownBy(() -> new FailedAuthenticationThrottle.Policy(-1, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailedAuthenticationThrottle.Policy(5, Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailedAuthenticationThrottle.Policy(5, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
