package dev.keyport.adapter.tencent;

/**
 * The port through which this adapter guards its requests: a rate limit per key, and counts of failed
 * authentications that lock a subject out. The adapter says what it needs and decides nothing about how it is kept;
 * the server backs it with its rate limiter and failed-authentication throttle. How many failures lock a subject,
 * and for how long, is the adapter's configuration ({@link TencentApiConfig.Lockout}), which its refusals quote.
 */
public interface TencentGuards {

    /**
     * Takes one request from the bucket of {@code key} (a tenant and an action).
     *
     * @return false when {@code perSecond} requests have been taken in the last second
     */
    boolean tryAcquire(String key, int perSecond);

    /** A new count of failed authentications of one kind of subject, locking a subject as {@code lockout} says. */
    Throttle throttle(TencentApiConfig.Lockout lockout);

    /** Failed authentications of one kind of subject (presented SecretIds, or client addresses). */
    interface Throttle {

        /** Whether {@code subject} is locked out now. */
        boolean isLocked(String subject);

        /**
         * Counts one failed authentication of {@code subject}.
         *
         * @return true when this failure locked the subject
         */
        boolean failed(String subject);

        /** A successful authentication of {@code subject}: its count starts again. */
        void succeeded(String subject);
    }
}
