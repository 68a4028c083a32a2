package dev.keyport.adapter.tencent;

import dev.keyport.domain.Region;
import java.util.Map;
import java.util.Objects;

/**
 * @param defaultRegion       the region of a request that names none (KMS documents Region as optional)
 * @param managementPerSecond requests per second per tenant and action for key management and BYOK actions (100)
 * @param cryptoPerSecond     requests per second per tenant for Encrypt and for Decrypt (300)
 * @param perActionOverrides  a limit for one action by name, overriding the two above
 */
public record TencentApiConfig(Region defaultRegion, int managementPerSecond, int cryptoPerSecond,
                               Map<String, Integer> perActionOverrides) {

    public TencentApiConfig {
        Objects.requireNonNull(defaultRegion, "default region");
        perActionOverrides = Map.copyOf(perActionOverrides);
        if (managementPerSecond < 1 || cryptoPerSecond < 1 || perActionOverrides.values().stream().anyMatch(v -> v < 1)) {
            throw new IllegalArgumentException("rate limits are at least 1 per second");
        }
    }

    /** Tencent's documented limits: 100/s, and 300/s for Encrypt and Decrypt. */
    public static TencentApiConfig defaults(Region defaultRegion) {
        return new TencentApiConfig(defaultRegion, 100, 300, Map.of());
    }

    int limitFor(String action, boolean crypto) {
        return perActionOverrides.getOrDefault(action, crypto ? cryptoPerSecond : managementPerSecond);
    }
}
