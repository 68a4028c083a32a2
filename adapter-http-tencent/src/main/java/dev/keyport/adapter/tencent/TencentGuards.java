package dev.keyport.adapter.tencent;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What this adapter needs to guard its API and does not implement: a rate limit per key, and throttles that count
 * failed authentications. These are ports; the server supplies them (application.support's {@code RateLimiter} and
 * {@code FailedAuthenticationThrottle} fit them), so that the adapter sees no class of the application beyond its
 * use cases. How many failures lock a subject, and for how long, is the adapter's configuration
 * ({@link TencentApiConfig#secretIdThrottle()}, {@link TencentApiConfig#addressThrottle()}): the adapter asks
 * {@link #throttles} for a throttle of each policy, and quotes the same policy in its refusals.
 *
 * @param rateLimit requests per second per key (a tenant and an action)
 * @param throttles a new throttle for a policy: one for SecretIds, one for client addresses
 */
public record TencentGuards(RateLimit rateLimit, Throttles throttles) {

    public TencentGuards {
        Objects.requireNonNull(rateLimit, "rate limit");
        Objects.requireNonNull(throttles, "throttles");
    }

    /** Requests per second per key, such as a tenant and an action. */
    @FunctionalInterface
    public interface RateLimit {

        /** Takes one request from the allowance of {@code key}; false when {@code perSecond} are spent. */
        boolean tryAcquire(String key, int perSecond);
    }

    /** Makes throttles. */
    @FunctionalInterface
    public interface Throttles {

        /** A new throttle, nothing counted yet, that locks a subject as {@code policy} says. */
        Throttle create(Throttle.Policy policy);
    }

    /** Consecutive failed authentications per subject (a presented SecretId, a client address). */
    public interface Throttle {

        /** Whether {@code subject} is locked now. */
        boolean isLocked(String subject);

        /** Counts a failed authentication of {@code subject}; true when this failure locked it. */
        boolean failed(String subject);

        /** A successful authentication of {@code subject}: its count starts again. */
        void succeeded(String subject);

        /** A throttle from three functions, such as the methods of an existing throttle. */
        static Throttle of(Predicate<String> isLocked, Predicate<String> failed, Consumer<String> succeeded) {
            Objects.requireNonNull(isLocked, "isLocked");
            Objects.requireNonNull(failed, "failed");
            Objects.requireNonNull(succeeded, "succeeded");
            return new Throttle() {
                @Override
                public boolean isLocked(String subject) {
                    return isLocked.test(subject);
                }

                @Override
                public boolean failed(String subject) {
                    return failed.test(subject);
                }

                @Override
                public void succeeded(String subject) {
                    succeeded.accept(subject);
                }
            };
        }

        /**
         * @param maxFailures consecutive failures that lock a subject; 0 turns the throttle off
         * @param lockout     how long a locked subject stays locked
         * @param maxSubjects how many subjects are remembered at most (any string can be presented)
         */
        record Policy(int maxFailures, Duration lockout, int maxSubjects) {

            public Policy {
                Objects.requireNonNull(lockout, "lockout");
                if (maxFailures < 0 || lockout.isNegative() || maxSubjects < 1) {
                    throw new IllegalArgumentException("a throttle policy has failures >= 0, a lockout >= 0 and "
                            + "room for at least one subject");
                }
            }

            /** Off: failures are never counted. */
            public static Policy off() {
                return new Policy(0, Duration.ZERO, 1);
            }
        }
    }
}
