package dev.keyport.adapter.tencent;

import dev.keyport.application.port.out.Secret;
import dev.keyport.domain.TenantId;
import java.util.Objects;

/** A Tencent Cloud API key: the SecretId a request names, the SecretKey it is signed with, and whose it is. */
public record TencentCredential(TenantId tenant, String secretId, Secret secretKey, long appId, long uin) {

    public TencentCredential {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(secretId, "secret id");
        Objects.requireNonNull(secretKey, "secret key");
    }
}
