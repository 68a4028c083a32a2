package dev.keyport.adapter.huawei;

import dev.keyport.application.port.out.Secret;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Huawei Cloud access key: the AK a request names, the SK it is signed with, whose it is, and the projects it may
 * act in, each with the region its keys live in.
 */
public record HuaweiCredential(TenantId tenant, String accessKey, Secret secretKey, String domainId,
                               Map<String, Region> projects) {

    public HuaweiCredential {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(accessKey, "access key");
        Objects.requireNonNull(secretKey, "secret key");
        Objects.requireNonNull(domainId, "domain id");
        projects = Map.copyOf(projects);
        if (projects.values().stream().distinct().count() != projects.size()) {
            throw new IllegalArgumentException("each project of a credential has a region of its own");
        }
    }

    public Optional<Region> regionOf(String projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }
}
