package dev.keyport.bootstrap;

import dev.keyport.adapter.huawei.HuaweiCredential;
import dev.keyport.adapter.huawei.HuaweiCredentials;
import dev.keyport.adapter.tencent.TencentCredential;
import dev.keyport.adapter.tencent.TencentCredentials;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenants' credentials of both vendors, as the credentials file gives them, behind the lookup port each adapter
 * declares ({@link #tencent()}, {@link #huawei()}).
 */
final class CredentialDirectory {

    private final Map<String, TencentCredential> tencent = new ConcurrentHashMap<>();
    private final Map<String, HuaweiCredential> huawei = new ConcurrentHashMap<>();

    CredentialDirectory add(TencentCredential credential) {
        if (tencent.putIfAbsent(credential.secretId(), credential) != null) {
            throw new IllegalArgumentException("SecretId " + credential.secretId() + " is listed twice");
        }
        return this;
    }

    /**
     * Adds a Huawei access key. Within a tenant a project always maps to the same region, and a region to one
     * project, so that a project's keys are its own.
     */
    synchronized CredentialDirectory add(HuaweiCredential credential) {
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

    /** The lookups of the Tencent adapter: a SecretId to its credential. */
    TencentCredentials tencent() {
        return secretId -> Optional.ofNullable(tencent.get(secretId));
    }

    /** The lookups of the Huawei adapter: an access key to its credential. */
    HuaweiCredentials huawei() {
        return accessKey -> Optional.ofNullable(huawei.get(accessKey));
    }
}
