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
 *                            (the throttle itself is a port, {@link TencentGuards})
 * @param addressThrottle     the same per client address
 * @param signatureMemory     how many accepted TC3 signatures are remembered with their routing headers
 *                            ({@link SignatureMemory})
 */
public record TencentApiConfig(Region defaultRegion, int managementPerSecond, int cryptoPerSecond,
                               Map<String, Integer> perActionOverrides,
                               TencentGuards.Throttle.Policy secretIdThrottle,
                               TencentGuards.Throttle.Policy addressThrottle, int signatureMemory) {

    /**
     * 10 consecutive failures lock a SecretId for 5 minutes. Tencent documents no lockout (its common errors have
     * only rate limits, {@code RequestLimitExceeded*}); Huawei's gateway locks an access key for 5 minutes after 5
     * failures. Ten leaves room for an honest client that retries a few times with a wrong clock or secret, and is
     * nothing to a guess at an HMAC key; five minutes is the life of a signature. At most 10,000 SecretIds are
     * remembered (any string can be presented), the least recently failed forgotten first.
     */
    public static final TencentGuards.Throttle.Policy DEFAULT_SECRET_ID_THROTTLE =
            new TencentGuards.Throttle.Policy(10, Duration.ofMinutes(5), 10_000);
    /**
     * 30 consecutive failures from one client address lock it for 5 minutes: higher than per SecretId, since one
     * address (a NAT, a proxy, a CI machine) carries many clients; one success from it starts the count again.
     */
    public static final TencentGuards.Throttle.Policy DEFAULT_ADDRESS_THROTTLE =
            new TencentGuards.Throttle.Policy(30, Duration.ofMinutes(5), 10_000);

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
    public TencentApiConfig withThrottles(TencentGuards.Throttle.Policy secretId,
                                          TencentGuards.Throttle.Policy address) {
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
