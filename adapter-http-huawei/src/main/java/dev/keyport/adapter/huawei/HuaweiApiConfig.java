package dev.keyport.adapter.huawei;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * @param perSecond          requests per second per tenant and operation (Huawei documents 1000 TPS per customer)
 * @param perOperationLimits a limit for one operation by name, overriding {@code perSecond}
 * @param accessKeyLockout   consecutive failed authentications of one presented access key that lock it, and for how
 *                           long: Huawei's gateway locks an AK for 5 minutes after 5 failures
 * @param addressLockout     the same per client address, so that spraying many access keys from one address costs
 *                           too; Huawei documents no such policy
 */
public record HuaweiApiConfig(int perSecond, Map<String, Integer> perOperationLimits, Lockout accessKeyLockout,
                              Lockout addressLockout) {

    /**
     * When failed authentications lock a subject (an access key, a client address); the {@link HuaweiGuards} the API
     * is given count them.
     *
     * @param maxFailures consecutive failures that lock a subject; 0 turns the lockout off
     * @param lockout     how long a locked subject stays locked
     * @param maxSubjects how many subjects are remembered at most (any string can be presented)
     */
    public record Lockout(int maxFailures, Duration lockout, int maxSubjects) {

        public Lockout {
            Objects.requireNonNull(lockout, "lockout");
            if (maxFailures < 0 || lockout.isNegative() || maxSubjects < 1) {
                throw new IllegalArgumentException("a lockout has failures >= 0, a duration >= 0 and room for at "
                        + "least one subject");
            }
        }

        /** Off: failures are never counted. */
        public static Lockout off() {
            return new Lockout(0, Duration.ZERO, 1);
        }
    }

    /** Huawei's gateway: 5 consecutive failures lock the access key for 5 minutes. */
    public static final Lockout HUAWEI_ACCESS_KEY_LOCKOUT = new Lockout(5, Duration.ofMinutes(5), 10_000);

    /**
     * Per client address: 20 consecutive failures lock it for 1 minute. Higher than the access-key threshold so that
     * one misconfigured client locks its own key first, not everyone behind the same NAT; short, so that a wrongly
     * locked address recovers soon, while a guesser gets at most 20 tries a minute from one address. A success from
     * the address clears its count.
     */
    public static final Lockout ADDRESS_LOCKOUT = new Lockout(20, Duration.ofMinutes(1), 10_000);

    public HuaweiApiConfig {
        perOperationLimits = Map.copyOf(perOperationLimits);
        Objects.requireNonNull(accessKeyLockout, "accessKeyLockout");
        Objects.requireNonNull(addressLockout, "addressLockout");
        if (perSecond < 1 || perOperationLimits.values().stream().anyMatch(v -> v < 1)) {
            throw new IllegalArgumentException("rate limits are at least 1 per second");
        }
    }

    /** Rate limits only; failed authentications are locked out as Huawei's gateway does. */
    public HuaweiApiConfig(int perSecond, Map<String, Integer> perOperationLimits) {
        this(perSecond, perOperationLimits, HUAWEI_ACCESS_KEY_LOCKOUT, ADDRESS_LOCKOUT);
    }

    public static HuaweiApiConfig defaults() {
        return new HuaweiApiConfig(1000, Map.of());
    }

    /** The same limits with other lockouts. */
    public HuaweiApiConfig withLockouts(Lockout accessKey, Lockout address) {
        return new HuaweiApiConfig(perSecond, perOperationLimits, accessKey, address);
    }

    int limitFor(String operation) {
        return perOperationLimits.getOrDefault(operation, perSecond);
    }
}
