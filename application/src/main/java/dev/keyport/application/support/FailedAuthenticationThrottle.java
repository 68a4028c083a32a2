package dev.keyport.application.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Makes repeated bad signatures expensive: after {@code maxFailures} consecutive failed authentications of one
 * subject (a presented credential id, or a client address), that subject is locked out for {@code lockout}; a
 * successful authentication clears the subject's count — as cloud API gateways lock an access key (five failures,
 * five minutes).
 *
 * <p>Subjects are chosen by the client (any string can be presented as a credential id), so memory is bounded: at
 * most {@code maxSubjects} are remembered, the least recently touched forgotten first. The time source is given, so
 * the core reads no clock of its own.
 */
public final class FailedAuthenticationThrottle {

    /**
     * @param maxFailures consecutive failures that lock a subject; 0 turns the throttle off
     * @param lockout     how long a locked subject stays locked
     * @param maxSubjects how many subjects are remembered at most
     */
    public record Policy(int maxFailures, Duration lockout, int maxSubjects) {

        public Policy {
            Objects.requireNonNull(lockout, "lockout");
            if (maxFailures < 0 || lockout.isNegative() || maxSubjects < 1) {
                throw new IllegalArgumentException("a throttle policy has failures >= 0, a lockout >= 0 and room "
                        + "for at least one subject");
            }
        }

        /** Off: failures are never counted. */
        public static Policy off() {
            return new Policy(0, Duration.ZERO, 1);
        }

        public boolean enabled() {
            return maxFailures > 0 && !lockout.isZero();
        }
    }

    private final Policy policy;
    private final LongSupplier nanoTime;
    private final Map<String, Subject> subjects;

    /** @param nanoTime a monotonic time in nanoseconds, such as {@code System::nanoTime} */
    public FailedAuthenticationThrottle(Policy policy, LongSupplier nanoTime) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.subjects = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Subject> eldest) {
                return size() > policy.maxSubjects();
            }
        };
    }

    public Policy policy() {
        return policy;
    }

    /** Whether {@code subject} is locked out now. */
    public synchronized boolean isLocked(String subject) {
        if (!policy.enabled()) {
            return false;
        }
        Subject s = subjects.get(subject);
        return s != null && s.lockedUntil != 0 && nanoTime.getAsLong() - s.lockedUntil < 0;
    }

    /**
     * Counts one failed authentication of {@code subject}.
     *
     * @return true when this failure locked the subject
     */
    public synchronized boolean failed(String subject) {
        if (!policy.enabled()) {
            return false;
        }
        long now = nanoTime.getAsLong();
        Subject s = subjects.computeIfAbsent(subject, k -> new Subject());
        if (s.lockedUntil != 0 && now - s.lockedUntil >= 0) {
            s.lockedUntil = 0; // the lockout is over: count afresh
            s.failures = 0;
        }
        s.failures++;
        if (s.failures >= policy.maxFailures() && s.lockedUntil == 0) {
            s.lockedUntil = now + policy.lockout().toNanos();
            if (s.lockedUntil == 0) {
                s.lockedUntil = 1;
            }
            return true;
        }
        return false;
    }

    /** A successful authentication of {@code subject}: its count starts again. */
    public synchronized void succeeded(String subject) {
        if (policy.enabled()) {
            subjects.remove(subject);
        }
    }

    /** How many subjects are remembered now. */
    public synchronized int remembered() {
        return subjects.size();
    }

    private static final class Subject {
        int failures;
        /** nanoTime until which the subject is locked; 0 when it is not. */
        long lockedUntil;
    }
}
