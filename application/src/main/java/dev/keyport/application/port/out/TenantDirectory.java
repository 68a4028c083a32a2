package dev.keyport.application.port.out;

import java.util.Optional;

/**
 * Maps the credential a request is signed with to its tenant. The vendor adapters look the credential up, verify the
 * request's signature with its secret, and act in the tenant's scope.
 */
public interface TenantDirectory {

    Optional<TencentCredential> findTencentCredential(String secretId);

    Optional<HuaweiCredential> findHuaweiCredential(String accessKey);
}
