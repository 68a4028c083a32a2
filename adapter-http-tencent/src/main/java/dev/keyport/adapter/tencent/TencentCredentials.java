package dev.keyport.adapter.tencent;

import java.util.Optional;

/**
 * The port this adapter looks credentials up through: the SecretId a request names, to its secret and its tenant.
 * The server implements it from its credentials file.
 */
@FunctionalInterface
public interface TencentCredentials {

    Optional<TencentCredential> find(String secretId);
}
