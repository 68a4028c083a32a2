package dev.keyport.adapter.tencent;

import dev.keyport.domain.Region;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * @param defaultRegion       the region of a request that names none (KMS documents Region as optional)
 * @param managementPerSecond requests per second per tenant and action for key management and BYOK actions (100)
 * @param cryptoPerSecond     requests per second per tenant for Encrypt and for Decrypt (300)
 * @param perActionOverrides  a limit for one action by name, overriding the two above
 * @param secretIdThrottle    failed authentications per presented SecretId before it is locked, and for how long
 *                            (the {@link TencentGuards} the API is given count them)
 * @param addressThrottle     the same per client address
 * @param signatureMemory     how many accepted TC3 signatures are remembered with their routing headers
 *                            ({@link SignatureMemory})
 */
public record TencentApiConfig(Region defaultRegion, int managementPerSecond, int cryptoPerSecond,
                               Map<String, Integer> perActionOverrides,
                               Lockout secretIdThrottle,
                               Lockout addressThrottle, int signatureMemory) {

    /**
     * When failed authentications lock a subject (a presented SecretId, a client address); the {@link TencentGuards}
     * the API is given count them.
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

    /**
     * 10 consecutive failures lock a SecretId for 5 minutes. Tencent documents no lockout (its common errors have
     * only rate limits, {@code RequestLimitExceeded*}); Huawei's gateway locks an access key for 5 minutes after 5
     * failures. Ten leaves room for an honest client that retries a few times with a wrong clock or secret, and is
     * nothing to a guess at an HMAC key; five minutes is the life of a signature. At most 10,000 SecretIds are
     * remembered (any string can be presented), the least recently failed forgotten first.
     */
    public static final Lockout DEFAULT_SECRET_ID_THROTTLE =
            new Lockout(10, Duration.ofMinutes(5), 10_000);
    /**
     * 30 consecutive failures from one client address lock it for 5 minutes: higher than per SecretId, since one
     * address (a NAT, a proxy, a CI machine) carries many clients; one success from it starts the count again.
     */
    public static final Lockout DEFAULT_ADDRESS_THROTTLE =
            new Lockout(30, Duration.ofMinutes(5), 10_000);

    public TencentApiConfig {
        Objects.requireNonNull(defaultRegion, "default region");
        Objects.requireNonNull(secretIdThrottle, "SecretId throttle");
        Objects.requireNonNull(addressThrottle, "address throttle");
        perActionOverrides = Map.copyOf(perActionOverrides);
        if (managementPerSecond < 1 || cryptoPerSecond < 1 || perActionOverrides.values().stream().anyMatch(v -> v < 1)) {
            throw new IllegalArgumentException("rate limits are at least 1 per second");
        }
        if (signatureMemory < 1) {
            throw new IllegalArgumentException("the signature memory holds at least one signature");
        }
    }

    /** Rate limits as given; the default throttles and signature memory. */
    public TencentApiConfig(Region defaultRegion, int managementPerSecond, int cryptoPerSecond,
                            Map<String, Integer> perActionOverrides) {
        this(defaultRegion, managementPerSecond, cryptoPerSecond, perActionOverrides, DEFAULT_SECRET_ID_THROTTLE,
                DEFAULT_ADDRESS_THROTTLE, SignatureMemory.DEFAULT_CAPACITY);
    }

    /** Tencent's documented limits: 100/s, and 300/s for Encrypt and Decrypt. */
    public static TencentApiConfig defaults(Region defaultRegion) {
        return new TencentApiConfig(defaultRegion, 100, 300, Map.of());
    }

    /** This configuration with other failed-authentication throttles. */
    public TencentApiConfig withThrottles(Lockout secretId,
                                          Lockout address) {
        return new TencentApiConfig(defaultRegion, managementPerSecond, cryptoPerSecond, perActionOverrides,
                secretId, address, signatureMemory);
    }

    /** This configuration with a signature memory of another size. */
    public TencentApiConfig withSignatureMemory(int signatures) {
        return new TencentApiConfig(defaultRegion, managementPerSecond, cryptoPerSecond, perActionOverrides,
                secretIdThrottle, addressThrottle, signatures);
    }

    int limitFor(String action, boolean crypto) {
        return perActionOverrides.getOrDefault(action, crypto ? cryptoPerSecond : managementPerSecond);
    }
}
