package dev.keyport.domain;

import java.util.Objects;

/** Where a key lives: its owning tenant and its region. A key is invisible outside its scope. */
public record KeyScope(TenantId tenant, Region region) {

    public KeyScope {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(region, "region");
    }

    public static KeyScope of(String tenant, String region) {
        return new KeyScope(TenantId.of(tenant), Region.of(region));
    }

    @Override
    public String toString() {
        return tenant + "/" + region;
    }
}
