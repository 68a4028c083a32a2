package dev.keyport.application.inmemory;

import dev.keyport.application.port.out.HuaweiCredential;
import dev.keyport.application.port.out.TenantDirectory;
import dev.keyport.application.port.out.TencentCredential;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Credentials held in memory, for tests and for servers configured from a file. */
public final class InMemoryTenantDirectory implements TenantDirectory {

    private final Map<String, TencentCredential> tencent = new ConcurrentHashMap<>();
    private final Map<String, HuaweiCredential> huawei = new ConcurrentHashMap<>();

    public InMemoryTenantDirectory add(TencentCredential credential) {
        if (tencent.putIfAbsent(credential.secretId(), credential) != null) {
            throw new IllegalArgumentException("SecretId " + credential.secretId() + " is listed twice");
        }
        return this;
    }

    /**
     * Adds a Huawei access key. Within a tenant a project always maps to the same region, and a region to one
     * project, so that a project's keys are its own.
     */
    public synchronized InMemoryTenantDirectory add(HuaweiCredential credential) {
        for (HuaweiCredential other : huawei.values()) {
            if (!other.tenant().equals(credential.tenant())) {
                continue;
            }
            credential.projects().forEach((project, region) -> {
                other.regionOf(project).filter(r -> !r.equals(region)).ifPresent(r -> {
                    throw new IllegalArgumentException("project " + project + " maps to two regions");
                });
                other.projects().forEach((otherProject, otherRegion) -> {
                    if (otherRegion.equals(region) && !otherProject.equals(project)) {
                        throw new IllegalArgumentException("region " + region + " has two projects");
                    }
                });
            });
        }
        if (huawei.putIfAbsent(credential.accessKey(), credential) != null) {
            throw new IllegalArgumentException("access key " + credential.accessKey() + " is listed twice");
        }
        return this;
    }

    @Override
    public Optional<TencentCredential> findTencentCredential(String secretId) {
        return Optional.ofNullable(tencent.get(secretId));
    }

    @Override
    public Optional<HuaweiCredential> findHuaweiCredential(String accessKey) {
        return Optional.ofNullable(huawei.get(accessKey));
    }
}
