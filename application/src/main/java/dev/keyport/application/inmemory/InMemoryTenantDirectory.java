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

    public InMemoryTenantDirectory add(HuaweiCredential credential) {
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
