package dev.keyport.adapter.huawei;

import java.util.Map;

/**
 * @param perSecond          requests per second per tenant and operation (Huawei documents 1000 TPS per customer)
 * @param perOperationLimits a limit for one operation by name, overriding {@code perSecond}
 */
public record HuaweiApiConfig(int perSecond, Map<String, Integer> perOperationLimits) {

    public HuaweiApiConfig {
        perOperationLimits = Map.copyOf(perOperationLimits);
        if (perSecond < 1 || perOperationLimits.values().stream().anyMatch(v -> v < 1)) {
            throw new IllegalArgumentException("rate limits are at least 1 per second");
        }
    }

    public static HuaweiApiConfig defaults() {
        return new HuaweiApiConfig(1000, Map.of());
    }

    int limitFor(String operation) {
        return perOperationLimits.getOrDefault(operation, perSecond);
    }
}
